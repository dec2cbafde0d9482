// The poster page's print button: shown only when this script runs (the page prints just as well from the
// browser's own menu); no inline script, as the pages' content security policy allows none.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});
