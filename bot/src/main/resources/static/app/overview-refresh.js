// The organisers' overview counts again every 30 seconds by reloading itself, while the tab is visible and nobody
// is busy with the filters. Without this script the page works the same: "Count again" reloads it by hand.
(function () {
  var live = document.querySelector('[data-refresh]');
  if (!live) {
    return;
  }
  var seconds = parseInt(live.getAttribute('data-refresh'), 10) || 30;
  var touched = false;
  document.querySelectorAll('form.filters select').forEach(function (s) {
    s.addEventListener('change', function () { touched = true; });
  });
  window.setInterval(function () {
    var busy = document.activeElement && document.activeElement.closest && document.activeElement.closest('form');
    if (document.visibilityState === 'visible' && !touched && !busy) {
      window.location.reload();
    }
  }, seconds * 1000);
})();
