// Canned-query forms leave out the fields left empty, so that an optional parameter stays
// unset instead of being sent as an empty value (which the API refuses).
(function () {
  "use strict";
  const forms = document.querySelectorAll("form.parameters");
  for (const form of forms) {
    form.addEventListener("submit", () => {
      for (const field of form.querySelectorAll("input, select")) {
        field.disabled = field.value === "";
      }
    });
  }
  // Coming back to the page from its result, every field is usable again.
  window.addEventListener("pageshow", () => {
    for (const field of document.querySelectorAll("form.parameters [disabled]")) {
      field.disabled = false;
    }
  });
})();
