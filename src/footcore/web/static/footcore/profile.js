// A new profile starts in the browser's time zone instead of UTC. Loaded only for a
// runner without a stored profile, so a zone someone chose is never overwritten.
"use strict";
(() => {
  const field = document.querySelector("input[data-browser-timezone]");
  if (!field || field.value !== "UTC") return;
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  if (zone) field.value = zone;
})();
