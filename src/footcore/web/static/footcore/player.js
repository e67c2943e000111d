// The guided-session player: a state machine over the timeline's steps.
//
// Timing: every step's end is an absolute deadline on the monotonic clock,
// anchor + the step's planned end, where the anchor moves only by the time spent
// paused (or when the runner jumps). One timeout is re-armed to the next deadline or
// the next change of the shown second, so late timer callbacks never add up.
"use strict";
(function () {
  const source = document.getElementById("player-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  const $ = (id) => document.getElementById(id);
  const ui = {
    root: $("player"), countdown: $("player-countdown"), step: $("player-step"),
    next: $("player-next"), exercise: $("player-exercise"), position: $("player-position"),
    img: $("player-illustration"), start: $("player-start"), pause: $("player-pause"),
    back: $("player-back"), skip: $("player-skip"), finish: $("player-finish"),
    swap: $("player-swap"), swapName: $("player-swap-name"), swapList: $("player-swap-list"),
    swapNone: $("player-swap-none"), items: $("player-items"), form: $("feedback"),
    summary: $("feedback-exercises"), pain: $("feedback-pain"), painValue: $("feedback-pain-value"),
    status: $("log-status"),
  };
  const WORK = new Set(["hold", "rep", "timed"]);
  const BACK_RESTARTS_AFTER_MS = 2000;
  const now = () => performance.now();

  const choices = data.items.slice(); // what each slot plays now (the plan's item or a swap)
  const records = data.items.map(() => new Set()); // per slot: work steps completed
  let steps = [];
  let index = 0;
  let state = "ready"; // ready -> running <-> paused -> done
  let anchor = 0; // step i ends at anchor + steps[i].endMs
  let pausedAt = 0;
  let timer = 0;
  let shownSecond = null;
  let logKey = null;

  function rebuild() {
    steps = [];
    let t = 0;
    choices.forEach((choice, slot) => {
      choice.steps.forEach((step, n) => {
        const ms = step.duration_s * 1000;
        steps.push({ ...step, slot, n, startMs: t, endMs: t + ms });
        t += ms;
      });
    });
    steps.push({ ...data.done, slot: null, n: 0, startMs: t, endMs: t });
  }

  const { unlockAudio, beep, say, buzz, keepAwake, letSleep } = window.footcoreCues;

  // --- rendering ------------------------------------------------------------------------
  function clockText(ms) {
    const s = Math.max(0, Math.ceil(ms / 1000 - 1e-6));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }
  function slotOf(step) {
    return step.slot === null ? choices.length - 1 : step.slot;
  }
  function showStep() {
    const step = steps[index];
    const slot = slotOf(step);
    const choice = choices[slot];
    ui.root.dataset.step = String(index);
    ui.root.dataset.kind = step.kind;
    ui.step.textContent = step.display;
    ui.exercise.textContent = step.kind === "rest" && step.exercise === null ? `Rest, then ${choice.name}` : choice.name;
    ui.position.textContent = `${slot + 1} of ${choices.length}`;
    if (ui.img.getAttribute("src") !== choice.illustration) {
      ui.img.src = choice.illustration;
      ui.img.alt = choice.alt;
    }
    const following = steps[index + 1];
    ui.next.textContent = following ? `Next: ${following.kind === "done" ? "the end" : following.display}` : "";
    Array.from(ui.items.children).forEach((li, i) => {
      if (i === slot && step.slot !== null) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
    });
    showSwaps(slot);
  }
  function showCountdown(at) {
    const left = anchor + steps[index].endMs - at;
    const second = Math.ceil(left / 1000 - 1e-6);
    if (second !== shownSecond) {
      shownSecond = second;
      ui.countdown.textContent = clockText(left);
      if (state === "running" && second >= 1 && second <= 3 && steps[index].duration_s >= 5) beep(660, 60);
    }
  }
  function cue(step) {
    say(step.spoken);
    beep(WORK.has(step.kind) ? 880 : 440, 150);
    buzz(WORK.has(step.kind) ? 200 : [80, 60, 80]);
  }

  // --- the state machine -------------------------------------------------------------
  // Measured afresh: cues just spoken may have taken the main thread for a while.
  function arm() {
    clearTimeout(timer);
    const left = anchor + steps[index].endMs - now();
    const toNextSecond = left % 1000 || 1000;
    timer = setTimeout(tick, Math.max(0, Math.min(left, toNextSecond)));
  }
  function tick() {
    clearTimeout(timer);
    timer = 0;
    if (state !== "running") return;
    const at = now();
    const from = index;
    // Catch up on every deadline already passed (a tab in the background wakes late).
    while (index < steps.length - 1 && at >= anchor + steps[index].endMs) {
      complete(steps[index]);
      index += 1;
    }
    if (index !== from) {
      shownSecond = null;
      showStep();
      if (steps[index].kind === "done") return finish();
      cue(steps[index]);
    }
    showCountdown(at);
    arm();
  }
  function complete(step) {
    if (step.slot !== null && WORK.has(step.kind)) records[step.slot].add(step.n);
  }
  function jumpTo(target, at) {
    const base = state === "paused" ? pausedAt : at || now();
    index = Math.min(Math.max(target, 0), steps.length - 1);
    anchor = base - steps[index].startMs;
    shownSecond = null;
    if (steps[index].kind === "done") return finish();
    showStep();
    showCountdown(base);
    if (state === "running") {
      cue(steps[index]);
      arm();
    }
  }
  // The session starts when Start is pressed (the event's time, on the same clock),
  // not after the audio and wake lock set-up that follows.
  function start(event) {
    const pressed = event && event.timeStamp > 0 ? event.timeStamp : now();
    unlockAudio();
    keepAwake();
    state = "running";
    ui.root.dataset.state = state;
    const hadFocus = document.activeElement === ui.start;
    ui.start.hidden = true;
    ui.pause.hidden = false;
    ui.back.disabled = false;
    ui.skip.disabled = false;
    // Keyboard users keep their place: the hidden Start hands focus to Pause.
    if (hadFocus) ui.pause.focus();
    jumpTo(0, pressed);
  }
  function pauseOrResume() {
    unlockAudio();
    if (state === "running") {
      clearTimeout(timer);
      pausedAt = now();
      state = "paused";
      ui.pause.textContent = "Resume";
      ui.step.textContent = `Paused · ${steps[index].display}`;
      say("Paused.");
    } else if (state === "paused") {
      anchor += now() - pausedAt;
      state = "running";
      ui.pause.textContent = "Pause";
      ui.step.textContent = steps[index].display;
      keepAwake();
      say("Go on.");
      arm();
    }
    ui.root.dataset.state = state;
  }
  function back() {
    const base = state === "paused" ? pausedAt : now();
    const into = base - (anchor + steps[index].startMs);
    jumpTo(into > BACK_RESTARTS_AFTER_MS || index === 0 ? index : index - 1);
  }
  // Skip to the next exercise; from the rest leading into one, to that exercise.
  function skipExercise() {
    const here = steps[index];
    const leadIn = here.kind === "rest" && here.exercise === null;
    const target = steps.findIndex(
      (s, i) => i > index && (s.kind === "done" || (s.kind === "ready" && (leadIn || s.slot !== here.slot))),
    );
    jumpTo(target);
  }
  function swapTo(slot, option) {
    choices[slot] = option;
    records[slot] = new Set();
    rebuild();
    const li = ui.items.children[slot];
    li.querySelector(".item-name").textContent = option.name;
    li.querySelector(".item-dose").textContent = option.dose;
    ui.swap.open = false;
    const ready = steps.findIndex((s) => s.slot === slot && s.kind === "ready");
    if (state === "ready") {
      index = 0;
      showStep();
      ui.step.textContent = `Press Start when you are ready. ${choices[0].dose}.`;
      ui.countdown.textContent = clockText(steps[0].endMs);
    } else {
      jumpTo(ready);
    }
  }
  function showSwaps(slot) {
    const options = [data.items[slot], ...data.items[slot].alternatives].filter((o) => o !== choices[slot]);
    ui.swapName.textContent = choices[slot].name;
    ui.swapList.replaceChildren(
      ...options.map((option) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = `${option.name} (${option.dose})`;
        button.addEventListener("click", () => swapTo(slot, option));
        li.append(button);
        return li;
      }),
    );
    ui.swapNone.hidden = options.length > 0;
    ui.swap.hidden = state === "done";
  }

  // --- the end: what was done, then the feedback form --------------------------------
  function exerciseLogs() {
    return choices.map((choice, slot) => {
      const work = choice.steps.map((s, n) => ({ ...s, n })).filter((s) => WORK.has(s.kind));
      const done = work.filter((s) => records[slot].has(s.n));
      const sets = new Set(work.map((s) => s.set_no));
      const setsDone = [...sets].filter((set) => work.every((s) => s.set_no !== set || records[slot].has(s.n)));
      const count = Math.floor(done.length / (choice.per_side ? 2 : 1));
      const kind = work.length ? work[0].kind : "rep";
      return {
        exercise: choice.exercise,
        variant: choice.variant,
        side: null,
        done: work.length > 0 && done.length === work.length,
        sets_done: setsDone.length,
        reps_done: kind === "rep" || (kind === "timed" && choice.counted) ? count : null,
        holds_done: kind === "hold" ? count : null,
        _label: `${choice.name}: ${done.length === work.length ? "done" : done.length ? `partly done (${setsDone.length} of ${sets.size} sets)` : "skipped"}`,
      };
    });
  }
  function finish() {
    clearTimeout(timer);
    const finishedEarly = state !== "running" || steps[index].kind !== "done";
    state = "done";
    index = steps.length - 1;
    ui.root.dataset.state = state;
    ui.root.dataset.step = String(index);
    ui.root.dataset.kind = "done";
    ui.countdown.textContent = "0:00";
    ui.step.textContent = finishedEarly ? "Session ended." : steps[index].display;
    ui.next.textContent = "";
    say(finishedEarly ? "Session ended." : steps[index].spoken);
    beep(1040, 300);
    buzz([200, 100, 200]);
    letSleep();
    [ui.start, ui.pause, ui.back, ui.skip, ui.finish].forEach((b) => { b.hidden = true; });
    ui.swap.hidden = true;
    logKey = logKey || newKey();
    ui.summary.replaceChildren(
      ...exerciseLogs().map((log) => {
        const li = document.createElement("li");
        li.textContent = log._label;
        return li;
      }),
    );
    ui.form.hidden = false;
    $("player-confirm").hidden = true;
    const first = ui.form.querySelector("input[name=difficulty]:checked");
    if (first) first.focus();
  }
  function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function savedSummary() {
    const form = new FormData(ui.form);
    const difficulty = { "too-easy": "too easy", "just-right": "just right", "too-hard": "too hard" };
    const site = form.get("pain_site");
    const done = exerciseLogs().filter((log) => log.done).length;
    return `Saved: ${done} of ${choices.length} exercises done in full, ` +
      `${difficulty[form.get("difficulty")] || "just right"}, pain ${form.get("pain_0_10")}/10` +
      `${site ? ` (${site})` : ""}.`;
  }
  function settle(label) {
    // A stored (or queued) log is final: lock the form and show where to go next.
    const submit = $("feedback-submit");
    submit.disabled = true;
    submit.textContent = label;
    ui.form.querySelectorAll("input, select, textarea").forEach((field) => { field.disabled = true; });
    $("log-next").hidden = false;
  }
  let sentSummary = "";
  function report(result) {
    if (result.outcome === "saved") {
      ui.status.textContent = sentSummary || "Saved.";
      settle("Saved");
      const answer = result.answer || {};
      if (answer.red_flag_screen_due) ui.status.textContent += " Please answer the safety questions on the Today page.";
      if (answer.changes && answer.changes.length) ui.status.textContent += ` ${answer.changes.join(" ")}`;
    } else if (result.outcome === "refused") {
      const detail = result.answer && (result.answer.detail || JSON.stringify(result.answer));
      ui.status.textContent = `Not saved (${result.status}): ${detail}`;
    } else {
      ui.status.textContent = "Queued: it will be sent when you are back online.";
      settle("Queued");
    }
    ui.status.dataset.outcome = result.outcome;
  }
  async function submitLog(event) {
    event.preventDefault();
    const form = new FormData(ui.form);
    const body = {
      date: data.date,
      kind: data.kind,
      idempotency_key: logKey,
      exercises: exerciseLogs().map(({ _label, ...log }) => log),
      difficulty: form.get("difficulty") || "just-right",
      pain_0_10: Number(form.get("pain_0_10")),
      pain_site: form.get("pain_site") || null,
      notes: String(form.get("notes") || ""),
    };
    const submit = $("feedback-submit");
    submit.disabled = true;
    sentSummary = savedSummary(); // read before `settle` disables (and so empties) the fields
    ui.status.textContent = "Saving…";
    try {
      const result = await window.footcoreQueue.submit(data.log_url, body, form.get("csrfmiddlewaretoken"));
      report(result);
      if (result.outcome === "refused") submit.disabled = false;
    } catch (storageError) {
      ui.status.textContent = `Could not save or queue the log: ${storageError}`;
      submit.disabled = false;
    }
  }
  function reportQueued(results) {
    // This page's queued log, sent by the page or by the service worker, whichever ran first.
    const mine = results.find((result) => result.key === logKey);
    if (mine && mine.outcome !== "kept" && ui.status.dataset.outcome === "kept") report(mine);
  }
  async function sendQueued() {
    if (!window.footcoreQueue) return;
    try {
      const { results } = await window.footcoreQueue.flush();
      reportQueued(results);
    } catch (noStorage) { /* private mode without IndexedDB: nothing was queued */ }
  }

  // --- wiring ----------------------------------------------------------------------------
  ui.start.addEventListener("click", start);
  ui.pause.addEventListener("click", pauseOrResume);
  ui.back.addEventListener("click", back);
  ui.skip.addEventListener("click", skipExercise);
  const confirmBox = $("player-confirm");
  function askToFinish() {
    if (state === "done") return;
    confirmBox.hidden = false;
    $("player-confirm-no").focus();
  }
  function closeConfirm() {
    confirmBox.hidden = true;
  }
  ui.finish.addEventListener("click", askToFinish);
  $("player-confirm-yes").addEventListener("click", () => { closeConfirm(); finish(); });
  $("player-confirm-no").addEventListener("click", () => { closeConfirm(); ui.finish.focus(); });
  ui.form.addEventListener("submit", submitLog);
  ui.pain.addEventListener("input", () => { ui.painValue.textContent = ui.pain.value; });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    if (state === "running" || state === "paused") keepAwake(); // the lock drops when hidden
    if (state === "running") tick();
  });
  window.addEventListener("online", sendQueued);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "footcore-log-results") reportQueued(event.data.results);
    });
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active && registration.active.postMessage({ type: "precache", urls: data.precache }))
      .catch(() => { /* no offline copy; the page still works online */ });
  }

  rebuild();
  showStep();
  ui.step.textContent = `Press Start when you are ready. ${choices[0].dose}.`;
  ui.countdown.textContent = clockText(steps[0].endMs);
  sendQueued();
})();
