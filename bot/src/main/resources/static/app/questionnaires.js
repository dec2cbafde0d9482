// The questionnaire editor (templates/questionnaires/edit.html): keeps the line numbers beside the text as it grows,
// marks the lines that have a problem, and a click on a problem's line puts the cursor on that line.
// The page works without it: the numbers are drawn by the server for the text as it was sent.
(function () {
  'use strict';
  var text = document.getElementById('text');
  var gutter = document.querySelector('.code-editor .gutter');
  if (!text || !gutter) {
    return;
  }
  var bad = {};
  document.querySelectorAll('li.problem[data-line]').forEach(function (p) {
    bad[p.getAttribute('data-line')] = true;
  });

  function draw() {
    var lines = text.value.split('\n').length;
    text.rows = lines + 5;
    gutter.textContent = '';
    for (var i = 1; i <= lines + 5; i++) {
      var s = document.createElement('span');
      s.id = 'line-' + i;
      s.textContent = String(i);
      if (bad[String(i)]) {
        s.className = 'bad';
      }
      gutter.appendChild(s);
      gutter.appendChild(document.createTextNode('\n'));
    }
  }

  function goTo(line) {
    var lines = text.value.split('\n');
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) {
      start += lines[i].length + 1;
    }
    var end = start + (lines[line - 1] || '').length;
    text.focus();
    text.setSelectionRange(start, end);
    var mark = document.getElementById('line-' + line);
    if (mark) {
      mark.scrollIntoView({block: 'center'});
    }
  }

  text.addEventListener('input', draw);
  document.querySelectorAll('li.problem .where a').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      goTo(parseInt(a.closest('li.problem').getAttribute('data-line'), 10));
    });
  });
  draw();
}());
