// Progressive enhancement for the library filters: changing a select applies it at once.
"use strict";
document.querySelectorAll("form.filters select").forEach((select) => {
  select.addEventListener("change", () => select.form.requestSubmit());
});
