// Guided self-tests: a metronome for heel raises, a stopwatch per balance trial.
// Progressive enhancement: without JavaScript the inputs still take typed values.
"use strict";

(function metronome() {
  const box = document.querySelector(".metronome");
  if (!box) return;
  const bpm = Number(box.dataset.bpm) || 60;
  const toggle = box.querySelector(".metronome-toggle");
  const count = box.querySelector(".metronome-count");
  const light = box.querySelector(".metronome-light");
  let timer = null;
  let beats = 0;
  let audio = null;

  function click() {
    // A short, quiet beep; browsers without WebAudio just get the visual pulse.
    if (!audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = beats % 2 ? 660 : 880;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    const now = audio.currentTime;
    osc.start(now);
    osc.stop(now + 0.05);
  }

  function beat() {
    beats += 1;
    count.textContent = String(beats);
    light.classList.toggle("pulse");
    box.dataset.beats = String(beats);
    try { click(); } catch (_) { /* audio is a nicety */ }
  }

  toggle.addEventListener("click", () => {
    if (timer !== null) {
      clearInterval(timer);
      timer = null;
      toggle.textContent = "Start metronome";
      box.classList.remove("running");
      return;
    }
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!audio && Ctx) {
      try { audio = new Ctx(); } catch (_) { audio = null; }
    }
    beats = 0;
    beat();
    timer = setInterval(beat, 60000 / bpm);
    toggle.textContent = "Stop metronome";
    box.classList.add("running");
  });
})();

(function stopwatches() {
  function tenths(ms) {
    return (Math.floor(ms / 100) / 10).toFixed(1);
  }

  function summarise(fieldset) {
    const out = fieldset.querySelector(".trials-summary");
    if (!out) return;
    const values = Array.from(fieldset.querySelectorAll("input[type=number]"))
      .map((input) => input.value.trim())
      .filter((text) => text !== "")
      .map(Number)
      .filter((n) => Number.isFinite(n));
    if (!values.length) { out.textContent = ""; return; }
    const best = Math.max(...values);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    out.textContent = `Best ${best.toFixed(1)} s, mean ${mean.toFixed(1)} s of ${values.length} trial${values.length > 1 ? "s" : ""}`;
  }

  document.querySelectorAll(".stopwatch").forEach((watch) => {
    const input = document.getElementById(watch.dataset.target);
    const shown = watch.querySelector(".stopwatch-time");
    const start = watch.querySelector(".stopwatch-start");
    const stop = watch.querySelector(".stopwatch-stop");
    const fieldset = watch.closest("fieldset.assess-side");
    let began = null;
    let ticker = null;

    start.addEventListener("click", () => {
      began = Date.now();
      shown.textContent = "0.0 s";
      ticker = setInterval(() => { shown.textContent = `${tenths(Date.now() - began)} s`; }, 100);
      start.disabled = true;
      stop.disabled = false;
      watch.classList.add("running");
    });

    stop.addEventListener("click", () => {
      if (began === null) return;
      clearInterval(ticker);
      const seconds = tenths(Date.now() - began);
      shown.textContent = `${seconds} s`;
      input.value = seconds;
      began = null;
      start.disabled = false;
      start.textContent = "Again";
      stop.disabled = true;
      watch.classList.remove("running");
      if (fieldset) summarise(fieldset);
    });

    if (input && fieldset) input.addEventListener("input", () => summarise(fieldset));
  });
})();
