// sora gallery: a plain script over the gallery's JSON API (no framework, no build step).
'use strict';

(() => {
  const REFRESH_MS = 2000;
  const $ = (id) => document.getElementById(id);
  const state = { page: null, byId: new Map(), bySeq: new Map(), cards: new Map(), compare: [], action: null,
                  sheets: new Map() };

  // The token came in the URL; the server answered with a cookie, so the address bar can forget it.
  if (location.search.includes('token=')) {
    history.replaceState(null, '', location.pathname);
  }

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach((c) => { if (c !== null && c !== undefined) e.append(c); });
    return e;
  }

  const money = (v) => (v === null || v === undefined ? '–' : '$' + Number(v).toFixed(2));
  const when = (iso) => new Date(iso).toLocaleString();

  async function api(path, body) {
    const opts = body === undefined ? {} : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const r = await fetch(path, Object.assign({ credentials: 'same-origin', cache: 'no-store' }, opts));
    const text = await r.text();
    if (!r.ok) throw new Error(text.trim() || ('HTTP ' + r.status));
    return JSON.parse(text);
  }

  function notice(text) {
    const n = $('notice');
    n.textContent = text || '';
    n.hidden = !text;
  }

  async function load() {
    try {
      const page = await api('/api/jobs');
      notice('');
      render(page);
    } catch (e) {
      notice('Cannot read the gallery: ' + e.message);
    }
  }

  function fillSelect(select, values) {
    const keep = select.value;
    const wanted = [''].concat(values);
    const have = Array.from(select.options).map((o) => o.value);
    if (wanted.join('\n') === have.join('\n')) return;
    select.replaceChildren(...wanted.map((v) => el('option', { value: v }, v === '' ? 'all' : v)));
    select.value = wanted.includes(keep) ? keep : '';
  }

  function matches(job) {
    const status = $('f-status').value, model = $('f-model').value, batch = $('f-batch').value;
    const text = $('f-text').value.trim().toLowerCase();
    if (status && job.status !== status) return false;
    if (model && job.model !== model) return false;
    if (batch && job.batch !== batch) return false;
    if (text && !((job.prompt || '') + ' ' + (job.id || '') + ' #' + job.seq).toLowerCase().includes(text)) return false;
    return true;
  }

  function render(page) {
    if (!page) return;
    state.page = page;
    state.byId = new Map(page.jobs.filter((j) => j.id).map((j) => [j.id, j]));
    state.bySeq = new Map(page.jobs.map((j) => [j.seq, j]));
    const unestimated = page.jobs.filter((j) => j.estimated_cost_usd === null && j.kind !== 'character').length;
    $('spend').textContent = page.count + ' job' + (page.count === 1 ? '' : 's') + ' · estimated spend '
        + money(page.total_spend_usd) + (unestimated ? ' (+ ' + unestimated + ' without an estimate)' : '');
    fillSelect($('f-status'), page.statuses);
    fillSelect($('f-model'), page.models);
    fillSelect($('f-batch'), page.batches);
    const grid = $('grid');
    let shown = 0;
    let previous = null;
    for (const job of page.jobs) {
      let card = state.cards.get(job.seq);
      if (!card) {
        card = makeCard(job);
        state.cards.set(job.seq, card);
      }
      updateCard(card, job);
      card.hidden = !matches(job);
      if (!card.hidden) shown++;
      // Newest first: keep the DOM in the ledger's order without re-creating cards (a playing video survives).
      const want = previous ? previous.nextSibling : grid.firstChild;
      if (want !== card) grid.insertBefore(card, want);
      previous = card;
    }
    $('empty').hidden = shown > 0;
    updateCompareButton();
  }

  function makeCard(job) {
    const media = el('div', { class: 'media', tabindex: '-1' });
    const card = el('article', { class: 'card', tabindex: '0', dataset: { seq: job.seq } }, media,
      el('div', { class: 'body' },
        el('p', { class: 'prompt' }), el('p', { class: 'meta' }), el('p', { class: 'lineage' }),
        el('p', { class: 'time' }), el('p', { class: 'error', hidden: true }), el('div', { class: 'actions' })));
    media.addEventListener('click', () => play(card));
    media.addEventListener('mousemove', (e) => scrub(card, (e.clientX - media.getBoundingClientRect().left)
        / media.clientWidth));
    media.addEventListener('mouseleave', () => media.classList.remove('scrubbing'));
    card.addEventListener('keydown', (e) => {
      if (e.target !== card) return;
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); play(card); }
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        card.frame = Math.max(0, Math.min(1, (card.frame || 0) + (e.key === 'ArrowRight' ? 0.1 : -0.1)));
        scrub(card, card.frame);
      }
    });
    return card;
  }

  function updateCard(card, job) {
    const prev = card.job;
    card.job = job;
    const media = card.querySelector('.media');
    const playing = media.querySelector('video');
    if (!playing) {
      const key = [job.status, job.has_assets, job.downloaded, job.progress, job.deleted].join('|');
      if (card.mediaKey !== key) {
        card.mediaKey = key;
        const kids = [el('span', { class: 'badge ' + job.status }, label(job))];
        if (job.has_assets && !job.deleted) {
          kids.push(el('img', { class: 'thumb', alt: 'Thumbnail of job #' + job.seq, src: '/media/' + job.seq
              + '/thumbnail', loading: 'lazy', onerror: (e) => { e.target.replaceWith(
                  el('div', { class: 'placeholder' }, 'No thumbnail (assets expired or not served)')); } }));
          kids.push(el('div', { class: 'scrub' }));
        } else {
          kids.push(el('div', { class: 'placeholder' }, job.terminal ? label(job) : (label(job) + '…')));
        }
        if (!job.terminal) {
          const bar = el('div', { class: 'bar' }, el('i'));
          bar.firstChild.style.width = job.progress + '%';
          kids.push(bar);
        }
        media.replaceChildren(...kids);
      }
    } else if (prev && prev.status !== job.status) {
      const badge = media.querySelector('.badge');
      if (badge) badge.textContent = label(job);
    }
    card.querySelector('.prompt').textContent = job.prompt || '(no prompt)';
    // Edits and remixes are recorded without an estimate (their length is the source's): say so, never "$0".
    const cost = job.estimated_cost_usd === null ? 'no estimate'
        : job.spend_usd === 0 ? '$0.00 (nothing created)' : money(job.spend_usd) + ' est.';
    const parts = ['#' + job.seq, job.kind, job.model, job.size, job.seconds ? job.seconds + ' s' : null, cost,
      job.provider].filter(Boolean);
    card.querySelector('.meta').textContent = parts.join(' · ') + (job.inherited ? ' (from source)' : '');
    const lin = card.querySelector('.lineage');
    lin.replaceChildren();
    if (job.source_id) {
      lin.append(job.kind + ' of ', job.source_seq
        ? el('a', { class: 'link', tabindex: '0', onclick: () => focusJob(job.source_seq),
                    onkeydown: (e) => { if (e.key === 'Enter') focusJob(job.source_seq); } }, '#' + job.source_seq)
        : job.source_id);
    } else if (job.uploaded_source) {
      lin.append('edit of uploaded ' + job.uploaded_source.split(/[\\/]/).pop());
    }
    if (job.characters.length) lin.append((lin.textContent ? ' · ' : '') + 'characters ' + job.characters.join(', '));
    if (job.children.length) lin.append((lin.textContent ? ' · ' : '') + job.children.length + ' derived');
    if (job.batch) lin.append((lin.textContent ? ' · ' : '') + 'batch ' + job.batch
        + (job.batch_line ? ' line ' + job.batch_line : ''));
    card.querySelector('.time').textContent = 'created ' + when(job.created_at) + (job.id ? ' · ' + job.id : '');
    const err = card.querySelector('.error');
    const problem = job.error || job.status_check_error;
    err.hidden = !problem;
    err.textContent = problem || '';
    card.classList.toggle('selected', state.compare.includes(job.seq));
    const actionsKey = [job.status, job.downloaded, job.id, job.deleted, state.compare.includes(job.seq)].join('|');
    if (card.actionsKey !== actionsKey) {
      card.actionsKey = actionsKey;
      card.querySelector('.actions').replaceChildren(...actionButtons(job));
    }
  }

  function label(job) {
    if (job.deleted) return 'deleted on the server';
    return job.terminal || !job.progress ? job.status : job.status + ' ' + job.progress + '%';
  }

  function actionButtons(job) {
    const b = (text, onclick, extra) => el('button', Object.assign({ type: 'button', onclick }, extra || {}), text);
    const out = [];
    const video = job.id && job.kind !== 'character' && !job.deleted;
    if (video && job.status === 'completed') {
      out.push(b(job.downloaded ? 'Play' : 'Download', () => job.downloaded ? play(state.cards.get(job.seq))
          : openAction('download', job), { class: job.downloaded ? 'play' : 'download' }));
      if (job.downloaded) out.push(b('Re-download', () => openAction('redownload', job)));
      out.push(b('Edit', () => openAction('edit', job)));
      out.push(b('Extend', () => openAction('extend', job)));
      out.push(b('Remix', () => openAction('remix', job), { class: 'remix' }));
    }
    if (video && job.terminal) out.push(b('Delete', () => openAction('delete', job)));
    out.push(b('Lineage', () => showLineage(job)));
    if (job.downloaded) {
      const on = state.compare.includes(job.seq);
      out.push(b(on ? 'Uncompare' : 'Compare', () => toggleCompare(job.seq), { 'aria-pressed': String(on) }));
    }
    return out;
  }

  function focusJob(seq) {
    const card = state.cards.get(seq);
    if (!card) return;
    if (card.hidden) { $('f-status').value = ''; $('f-model').value = ''; $('f-batch').value = '';
      $('f-text').value = ''; render(state.page); }
    card.scrollIntoView({ block: 'center' });
    card.focus();
  }

  // --- hover scrub over the spritesheet -------------------------------------------------------
  // The service does not say how its spritesheet is laid out; the grid is the one whose tiles have
  // the video's aspect ratio (the emulator's and Sora's sheets are 5 columns by 2 rows).
  function sheetGrid(img, size) {
    const [w, h] = (size || '16x9').split('x').map(Number);
    const aspect = w && h ? w / h : 16 / 9;
    for (let cols = 1; cols <= 12; cols++) {
      const rows = aspect * cols * img.naturalHeight / img.naturalWidth;
      if (Math.round(rows) >= 1 && Math.abs(rows - Math.round(rows)) < 0.08) return [cols, Math.round(rows)];
    }
    return [Math.max(1, Math.round(img.naturalWidth / (img.naturalHeight * aspect))), 1];
  }

  function scrub(card, fraction) {
    const job = card.job;
    const media = card.querySelector('.media');
    const layer = media.querySelector('.scrub');
    if (!job.has_assets || !layer || media.querySelector('video')) return;
    let sheet = state.sheets.get(job.seq);
    if (!sheet) {
      const img = new Image();
      sheet = { img, grid: null };
      state.sheets.set(job.seq, sheet);
      img.onload = () => { sheet.grid = sheetGrid(img, job.size); };
      img.src = '/media/' + job.seq + '/spritesheet';
    }
    if (!sheet.grid) return;
    const [cols, rows] = sheet.grid;
    const tiles = cols * rows;
    const i = Math.min(tiles - 1, Math.max(0, Math.floor(fraction * tiles)));
    layer.style.backgroundImage = 'url("' + sheet.img.src + '")';
    layer.style.backgroundSize = (cols * 100) + '% ' + (rows * 100) + '%';
    layer.style.backgroundPosition = (cols > 1 ? (i % cols) / (cols - 1) * 100 : 0) + '% '
        + (rows > 1 ? Math.floor(i / cols) / (rows - 1) * 100 : 0) + '%';
    media.classList.add('scrubbing');
    media.dataset.tile = String(i);
  }

  // --- play in place ----------------------------------------------------------------------------
  function play(card) {
    const job = card.job;
    const media = card.querySelector('.media');
    if (media.querySelector('video')) return;
    if (!job.downloaded) {
      if (job.status === 'completed') notice('Job #' + job.seq + ' is not downloaded yet: use its Download button.');
      return;
    }
    const video = el('video', { controls: true, autoplay: true, playsinline: true, preload: 'auto',
      src: '/media/' + job.seq + '/video', 'aria-label': 'Video of job #' + job.seq });
    video.muted = true; // browsers let muted videos start without a gesture; the controls unmute
    media.classList.remove('scrubbing');
    media.replaceChildren(el('span', { class: 'badge ' + job.status }, label(job)), video);
    card.mediaKey = null;
    video.focus();
  }

  // --- actions --------------------------------------------------------------------------------
  const TITLES = { download: 'Download', redownload: 'Re-download', edit: 'Edit', extend: 'Extend', remix: 'Remix',
                   delete: 'Delete' };

  function openAction(action, job) {
    state.action = { action, job, checked: false };
    $('action-title').textContent = TITLES[action] + ' job #' + job.seq;
    $('action-job').textContent = (job.prompt || '') + (job.id ? ' (' + job.id + ')' : '');
    const prompted = ['edit', 'extend', 'remix'].includes(action);
    $('action-prompt-row').hidden = !prompted;
    $('action-seconds-row').hidden = action !== 'extend';
    $('action-prompt').value = prompted ? (job.prompt || '') : '';
    $('action-preview').replaceChildren();
    $('action-confirm').disabled = true;
    $('action').showModal();
    if (prompted) $('action-prompt').focus(); else check();
  }

  function request() {
    const a = state.action;
    return { action: a.action, seq: a.job.seq, prompt: $('action-prompt').value, seconds: $('action-seconds').value };
  }

  async function check() {
    const box = $('action-preview');
    box.replaceChildren(el('p', {}, 'Checking…'));
    $('action-confirm').disabled = true;
    try {
      const p = await api('/api/actions/preview', request());
      const kids = [];
      if (p.command) kids.push(el('p', { class: 'muted' }, 'Same as:'), el('code', { class: 'command' }, p.command));
      if (p.error) {
        kids.push(el('p', { class: 'error' }, 'Error: ' + p.error + ' (the CLI exits ' + p.exit_code + ')'));
      } else {
        kids.push(el('p', { class: 'cost' }, 'Estimated cost: ' + money(p.estimated_cost_usd)));
        if (p.cost_note) kids.push(el('p', { class: 'muted' }, p.cost_note));
        p.warnings.forEach((w) => kids.push(el('p', { class: 'warning' }, 'Note: ' + w)));
        $('action-confirm').disabled = false;
      }
      box.replaceChildren(...kids);
      if (!p.error) $('action-confirm').focus();
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  async function confirmAction() {
    const box = $('action-preview');
    $('action-confirm').disabled = true;
    box.append(el('p', {}, 'Running…'));
    try {
      const r = await api('/api/actions/run', request());
      const kids = [el('p', { class: 'muted' }, 'Ran:'), el('code', { class: 'command' }, r.command)];
      kids.push(r.error ? el('p', { class: 'error' }, 'Error: ' + r.error + ' (exit ' + r.exit_code + ')')
                        : el('p', { class: 'ok result' }, r.message));
      box.replaceChildren(...kids);
      await load();
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  // --- lineage --------------------------------------------------------------------------------
  function showLineage(job) {
    let root = job;
    for (let hops = 0; hops < 50 && root.source_seq && state.bySeq.get(root.source_seq); hops++) {
      root = state.bySeq.get(root.source_seq);
    }
    const node = (j, depth) => {
      const text = '#' + j.seq + ' ' + j.kind + ' · ' + j.status + ' · ' + (j.prompt || '').slice(0, 80);
      const item = el('li', {}, el('a', { class: 'link' + (j.seq === job.seq ? ' here' : ''), tabindex: '0',
        onclick: () => { $('lineage').close(); focusJob(j.seq); },
        onkeydown: (e) => { if (e.key === 'Enter') { $('lineage').close(); focusJob(j.seq); } } }, text));
      const kids = depth < 20 ? j.children.map((s) => state.bySeq.get(s)).filter(Boolean) : [];
      if (kids.length) item.append(el('ul', {}, kids.map((k) => node(k, depth + 1))));
      return item;
    };
    const extra = [];
    if (root.source_id && !root.source_seq) extra.push(el('p', { class: 'muted' }, 'Source ' + root.source_id
        + ' is not in this ledger.'));
    if (root.uploaded_source) extra.push(el('p', { class: 'muted' }, 'Source: uploaded ' + root.uploaded_source));
    $('lineage-tree').replaceChildren(...extra, el('ul', {}, node(root, 0)));
    $('lineage').showModal();
  }

  // --- compare --------------------------------------------------------------------------------
  function toggleCompare(seq) {
    const i = state.compare.indexOf(seq);
    if (i >= 0) state.compare.splice(i, 1);
    else { state.compare.push(seq); if (state.compare.length > 2) state.compare.shift(); }
    render(state.page);
  }

  function updateCompareButton() {
    state.compare = state.compare.filter((s) => state.bySeq.get(s) && state.bySeq.get(s).downloaded);
    const b = $('compare-open');
    b.textContent = 'Compare (' + state.compare.length + '/2)';
    b.disabled = state.compare.length !== 2;
  }

  function openCompare() {
    const [a, b] = state.compare.map((s) => state.bySeq.get(s));
    const va = $('cmp-a'), vb = $('cmp-b');
    va.src = '/media/' + a.seq + '/video';
    vb.src = '/media/' + b.seq + '/video';
    $('cmp-a-cap').textContent = '#' + a.seq + ' ' + (a.prompt || '');
    $('cmp-b-cap').textContent = '#' + b.seq + ' ' + (b.prompt || '');
    $('cmp-seek').value = 0;
    $('compare').showModal();
  }

  function wireCompare() {
    const va = $('cmp-a'), vb = $('cmp-b');
    const longest = () => Math.max(va.duration || 0, vb.duration || 0);
    $('cmp-play').addEventListener('click', () => {
      if (va.paused) { vb.currentTime = va.currentTime; va.play(); vb.play(); $('cmp-play').textContent = 'Pause both'; }
      else { va.pause(); vb.pause(); $('cmp-play').textContent = 'Play both'; }
    });
    $('cmp-seek').addEventListener('input', (e) => {
      const t = e.target.value / 1000 * longest();
      va.currentTime = Math.min(t, va.duration || t);
      vb.currentTime = Math.min(t, vb.duration || t);
    });
    va.addEventListener('timeupdate', () => {
      // Keep the two in step: a drift past a tenth of a second is corrected on the second video.
      if (!vb.ended && Math.abs(vb.currentTime - va.currentTime) > 0.1 && va.currentTime <= (vb.duration || 0)) {
        vb.currentTime = va.currentTime;
      }
      if (longest()) $('cmp-seek').value = Math.round(va.currentTime / longest() * 1000);
    });
    va.addEventListener('ended', () => { vb.pause(); $('cmp-play').textContent = 'Play both'; });
    $('cmp-close').addEventListener('click', () => { va.pause(); vb.pause(); $('compare').close(); });
    $('compare').addEventListener('close', () => { va.pause(); vb.pause(); });
  }

  function wire() {
    ['f-status', 'f-model', 'f-batch'].forEach((id) => $(id).addEventListener('change', () => render(state.page)));
    $('f-text').addEventListener('input', () => render(state.page));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('compare-open').addEventListener('click', openCompare);
    $('action-check').addEventListener('click', check);
    $('action-confirm').addEventListener('click', confirmAction);
    $('action-cancel').addEventListener('click', () => $('action').close());
    $('lineage-close').addEventListener('click', () => $('lineage').close());
    wireCompare();
  }

  wire();
  load();
  setInterval(load, REFRESH_MS);
})();
