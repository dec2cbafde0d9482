// The analysts' review queue (templates/analyst/review.html): one answer at a time, least certain first, decided
// with the keyboard. Digits 1-9 toggle the themes shown, a adds one by typing, Enter confirms the themes as shown,
// s skips, u takes back the last review. Each review is posted as JSON (with the page's CSRF token in a header), so
// deciding never reloads the page; the next answers are fetched ahead. The service stores who decided.
(function () {
  var main = document.querySelector('main.review');
  if (!main) {
    return;
  }
  var cfg = main.dataset;
  var el = function (id) { return document.getElementById(id); };
  var card = el('card'), text = el('text'), meta = el('meta'), list = el('candidates'), adder = el('adder'),
      input = el('add-theme'), said = el('said'), learning = el('learning'), waitingLine = el('waiting');
  var labels = {};
  document.querySelectorAll('#theme-list option').forEach(function (o) { labels[o.value] = o.textContent; });

  var queue = [], skipped = [], history = [], current = null, chosen = [], busy = false, fetching = false,
      polling = null, lastSeenLatest = null, sawTraining = false;

  function fill(template, args) {
    return template.replace(/\{(\d)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
  }

  function say(key, args) {
    said.textContent = fill(said.dataset[key] || '', args || []);
  }

  function request(method, url, body) {
    var headers = {'Accept': 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers[cfg.csrfHeader] = cfg.csrf;
    }
    return fetch(url, {method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)}).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          throw new Error(json.error || ('HTTP ' + r.status));
        }
        return json;
      });
    });
  }

  /** A version as the page names it: the keyword coder for 0. */
  function versionName(v) {
    return v === 0 ? learning.dataset.tKeywords : fill(learning.dataset.tVersion, [v]);
  }

  function showStatus(s) {
    if (!s) {
      return;
    }
    if (lastSeenLatest === null) {
      lastSeenLatest = s.latest === null ? 0 : s.latest;
    }
    var line;
    if (s.training) {
      sawTraining = true;
      line = learning.dataset.tTraining;
    } else if (s.latest !== null && s.latest > lastSeenLatest) {
      line = fill(s.latestDecision === 'promote' ? learning.dataset.tTrained : learning.dataset.tKept,
        [s.latest, versionName(s.inUse)]);
    } else {
      line = fill(learning.dataset.tUntil, [versionName(s.inUse),
        Math.max(0, s.retrainAfter - s.decisionsSinceTraining)]);
    }
    learning.textContent = line;
    learning.classList.toggle('training', !!s.training);
    if (s.training && !polling) {
      polling = window.setInterval(function () {
        request('GET', cfg.status).then(function (st) {
          if (!st.training) {
            window.clearInterval(polling);
            polling = null;
          }
          showStatus(st);
        }).catch(function () { /* the next decision shows the status again */ });
      }, 1500);
    }
  }

  function showWaiting(n) {
    if (typeof n === 'number') {
      waitingLine.textContent = fill(waitingLine.dataset.t, [n]);
    }
  }

  function queueUrl() {
    var params = [];
    if (cfg.questionnaire) {
      params.push('questionnaire=' + encodeURIComponent(cfg.questionnaire));
    }
    // the most recent skips only: the address must stay short
    skipped.slice(-40).forEach(function (ref) { params.push('skip=' + encodeURIComponent(ref)); });
    return cfg.queue + (params.length ? '?' + params.join('&') : '');
  }

  function fetchMore() {
    if (fetching) {
      return Promise.resolve();
    }
    fetching = true;
    return request('GET', queueUrl()).then(function (json) {
      var held = {};
      queue.forEach(function (a) { held[a.ref] = true; });
      if (current) {
        held[current.ref] = true;
      }
      skipped.forEach(function (ref) { held[ref] = true; });
      (json.answers || []).forEach(function (a) {
        if (!held[a.ref]) {
          queue.push(a);
        }
      });
      showWaiting(json.waiting);
      showStatus(json.status);
    }).catch(function (e) {
      say('tFailed', [e.message]);
    }).then(function () {
      fetching = false;
    });
  }

  function render() {
    if (!current) {
      card.hidden = true;
      el('done').hidden = false;
      return;
    }
    el('done').hidden = true;
    card.hidden = false;
    text.textContent = current.text;
    text.setAttribute('lang', current.lang || '');
    text.setAttribute('dir', current.dir || 'auto');
    var parts = [current.questionnaire + ' · ' + current.question];
    if (current.detected) {
      parts.push(fill(meta.dataset.tDetected, [current.detected, current.language]));
    }
    if (current.certaintyPercent !== null) {
      parts.push(fill(meta.dataset.tCertainty, [current.certaintyPercent]));
    }
    meta.textContent = parts.join(' · ');
    list.textContent = '';
    var shown = current.candidates.map(function (c) { return c.theme; });
    chosen.forEach(function (t) {
      if (shown.indexOf(t) < 0) {
        current.candidates.push({theme: t, label: labels[t] || t, percent: 0});
        shown.push(t);
      }
    });
    current.candidates.forEach(function (c, i) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'candidate';
      b.dataset.theme = c.theme;
      var on = chosen.indexOf(c.theme) >= 0;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      var key = document.createElement('kbd');
      key.textContent = i < 9 ? String(i + 1) : '';
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = c.label;
      var score = document.createElement('span');
      score.className = 'score';
      score.textContent = c.percent > 0 ? c.percent + ' %' : ''; // a theme offered without a score shows none
      b.appendChild(key);
      b.appendChild(name);
      b.appendChild(score);
      b.addEventListener('click', function () { toggle(c.theme); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function next() {
    current = queue.shift() || null;
    chosen = current ? current.themes.slice() : [];
    adder.hidden = true;
    input.value = '';
    render();
    if (queue.length < 5) {
      fetchMore().then(function () {
        if (!current && queue.length) {
          next();
        }
      });
    }
  }

  function toggle(theme) {
    var i = chosen.indexOf(theme);
    if (i >= 0) {
      chosen.splice(i, 1);
    } else {
      chosen.push(theme);
    }
    render();
  }

  function addTyped() {
    var typed = input.value.trim().toLowerCase();
    var found = null;
    Object.keys(labels).forEach(function (id) {
      if (id.toLowerCase() === typed || labels[id].toLowerCase() === typed) {
        found = id;
      }
    });
    if (!found) {
      say('tUnknown', [input.value.trim()]);
      return;
    }
    if (chosen.indexOf(found) < 0) {
      chosen.push(found);
    }
    adder.hidden = true;
    input.value = '';
    render();
    main.focus();
  }

  function confirm() {
    if (!current || busy) {
      return;
    }
    busy = true;
    var item = current;
    var themes = chosen.slice();
    request('POST', cfg.decide, {answer: item.ref, themes: themes, questionnaire: cfg.questionnaire || null}).then(function (json) {
      history.push({item: item, decisions: json.decisions});
      el('undo').disabled = false;
      say('tSaved', [json.decisions.length]);
      showWaiting(json.waiting);
      showStatus(json.status);
      next();
    }).catch(function (e) {
      say('tFailed', [e.message]);
    }).then(function () { busy = false; });
  }

  function skip() {
    if (!current) {
      return;
    }
    skipped.push(current.ref);
    say('tSkipped', []);
    next();
  }

  function undo() {
    var last = history.pop();
    if (!last || busy) {
      if (last) {
        history.push(last);
      }
      return;
    }
    busy = true;
    request('POST', cfg.undo, {decisions: last.decisions}).then(function (json) {
      if (current) {
        queue.unshift(current);
      }
      current = last.item;
      chosen = current.themes.slice();
      render();
      say('tUndone', []);
      showStatus(json.status);
    }).catch(function (e) {
      history.push(last);
      say('tFailed', [e.message]);
    }).then(function () {
      busy = false;
      el('undo').disabled = history.length === 0;
    });
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || card.hidden) {
      return;
    }
    if (e.target === input) {
      if (e.key === 'Enter') {
        e.preventDefault();
        addTyped();
      } else if (e.key === 'Escape') {
        adder.hidden = true;
        main.focus();
      }
      return;
    }
    if (e.target.closest && e.target.closest('select, input, textarea, form')) {
      return; // the questionnaire filter keeps its own keys
    }
    if (e.key === 'Enter' && e.target.closest && e.target.closest('a, button')) {
      return; // Enter on a focused link or button does what it says (a theme's button switches it)
    }
    if (/^[1-9]$/.test(e.key)) {
      var c = current && current.candidates[parseInt(e.key, 10) - 1];
      if (c) {
        e.preventDefault();
        toggle(c.theme);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      confirm();
    } else if (e.key === 'a') {
      e.preventDefault();
      adder.hidden = false;
      input.focus();
    } else if (e.key === 's') {
      e.preventDefault();
      skip();
    } else if (e.key === 'u') {
      e.preventDefault();
      undo();
    }
  });
  el('confirm').addEventListener('click', confirm);
  el('skip').addEventListener('click', skip);
  el('undo').addEventListener('click', undo);
  el('add').addEventListener('click', function () { adder.hidden = false; input.focus(); });

  main.setAttribute('tabindex', '-1');
  fetchMore().then(function () {
    next();
    main.focus();
  });
})();
