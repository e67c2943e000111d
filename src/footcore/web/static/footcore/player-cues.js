// Cues for the session player: speech, beeps, vibration and a screen kept awake.
// Each one is optional and never fatal: headless browsers lack voices, desktops do
// not vibrate, and a battery saver may refuse the wake lock.
"use strict";
(function (scope) {
  let audio = null;
  // Call from a click: browsers let a page make sound only after a user gesture.
  function unlockAudio() {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();
      if (audio && audio.state === "suspended") audio.resume().catch(() => {});
    } catch (unsupported) {
      audio = null;
    }
  }
  function beep(hz, ms) {
    if (!audio) return;
    try {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime);
      osc.stop(audio.currentTime + ms / 1000);
    } catch (unsupported) { /* silent is fine */ }
  }
  function say(text) {
    try {
      if (!("speechSynthesis" in window) || !text) return;
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    } catch (noVoice) { /* the screen still shows every cue */ }
  }
  function buzz(pattern) {
    try {
      if (navigator.vibrate) navigator.vibrate(pattern);
    } catch (unsupported) { /* not every device vibrates */ }
  }

  let wakeLock = null;
  async function keepAwake() {
    if (wakeLock || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
    try {
      wakeLock = await navigator.wakeLock.request("screen");
      wakeLock.addEventListener("release", () => { wakeLock = null; });
    } catch (refused) {
      wakeLock = null; // battery saver or no permission: the session still runs
    }
  }
  function letSleep() {
    if (wakeLock) wakeLock.release().catch(() => {});
    wakeLock = null;
  }

  scope.footcoreCues = { unlockAudio, beep, say, buzz, keepAwake, letSleep };
})(window);
