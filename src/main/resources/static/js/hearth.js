// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // A second click on a submit button while the first request is under way sends nothing: the server also
  // refuses duplicates, this only spares a slow connection the extra round trip.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.submitted === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = 'true';
    window.setTimeout(function () { form.dataset.submitted = 'false'; }, 10000);
  });
  // Focus the error summary so that screen readers announce it.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
})();
