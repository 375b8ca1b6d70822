// SoTTTT web map viewer: views, layers, styles and legends come from /api/views (the definitions under maps/),
// features as Mapbox vector tiles from /tiles/{name}/{z}/{x}/{y}.mvt (XYZ, 512-pixel tiles, thinned and simplified to
// a tile pixel by the server), drawn by OpenLayers VectorTile layers. Uses the prebuilt OpenLayers (window.ol), no
// bundler. The page reports its state for tests and benchmarks in window.sotttt ({ready, view, counts, firstRenderMs,
// viewsMs and tilesMs: when the views arrived and when the first view's tiles were all loaded, features(name)}) and
// body[data-ready], li[data-features] of the layer list.
(function () {
  'use strict';

  const TEXT = {
    vi: {
      title: 'Bản đồ hạ tầng viễn thông', layers: 'Lớp bản đồ', legend: 'Chú giải', settings: 'Cài đặt',
      tiles: 'Nền bản đồ (URL ô ảnh, tùy chọn)', tiles_hint: 'Mặc định không dùng nền từ Internet. Ví dụ: https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      unavailable: 'chưa có dữ liệu', loading: 'Đang tải…', loaded: '{0} đối tượng', other: 'Khác', toggle: 'English',
      error: 'Lỗi tải lớp {0}', computing: 'Đang tính lớp {0}…', all: 'Tất cả', filters: 'Lọc', thinned: '(đã lược bớt {0} điểm ở mức thu phóng này)',
    },
    en: {
      title: 'Telecom infrastructure map', layers: 'Layers', legend: 'Legend', settings: 'Settings',
      tiles: 'Base map (tile URL, optional)', tiles_hint: 'No Internet base map by default. Example: https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      unavailable: 'not available', loading: 'Loading…', loaded: '{0} features', other: 'Other', toggle: 'Tiếng Việt',
      error: 'Could not load layer {0}', computing: 'Computing layer {0}…', all: 'All', filters: 'Filter', thinned: '({0} points thinned at this zoom)',
    },
  };

  const params = new URLSearchParams(window.location.search);
  const state = {
    lang: 'vi', catalogue: null, layerDefs: {}, view: null, olLayers: {}, tiles: {}, pending: 0, filters: {},
  };
  const status = window.sotttt = { ready: false, view: null, counts: {}, firstRenderMs: null, viewsMs: null, tilesMs: null, errors: [] };

  const t = (key) => TEXT[state.lang][key] || key;
  const fmt = (s, ...a) => s.replace(/\{(\d)\}/g, (_, i) => String(a[Number(i)]));
  const label = (text) => (text ? text[state.lang] || text.vi : '');

  // ---- styles (renderer-neutral definitions → OpenLayers) ----
  function hexToRgba(hex, opacity) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${opacity})`;
  }

  function classOf(style, value) {
    if (style.kind === 'categorical') {
      if (value === null || value === undefined) return null;
      const text = String(value);
      return style.classes.find((c) => c.value === text) || null;
    }
    if (style.kind === 'graduated') {
      const n = typeof value === 'number' ? value : parseFloat(value);
      if (!Number.isFinite(n)) return null;
      return style.classes.find((c) => (c.min === undefined || n >= c.min) && (c.max === undefined || n < c.max)) || null;
    }
    return null;
  }

  function olStyle(symbol, geometry) {
    const stroke = new ol.style.Stroke({ color: symbol.stroke, width: symbol.stroke_width, lineDash: symbol.dash && symbol.dash.length ? symbol.dash : undefined });
    const fill = symbol.fill ? new ol.style.Fill({ color: hexToRgba(symbol.fill, symbol.fill_opacity) }) : undefined;
    if (geometry === 'point') {
      const r = symbol.size / 2;
      let image;
      switch (symbol.shape) {
        case 'square': image = new ol.style.RegularShape({ points: 4, radius: r * Math.SQRT2, angle: Math.PI / 4, fill, stroke }); break;
        case 'triangle': image = new ol.style.RegularShape({ points: 3, radius: r * 1.2, angle: 0, fill, stroke }); break;
        case 'diamond': image = new ol.style.RegularShape({ points: 4, radius: r * 1.2, angle: 0, fill, stroke }); break;
        default: image = new ol.style.Circle({ radius: r, fill, stroke });
      }
      return new ol.style.Style({ image });
    }
    if (geometry === 'line') return new ol.style.Style({ stroke });
    return new ol.style.Style({ stroke, fill });
  }

  function styleFunction(def) {
    const style = def.style;
    const cache = new Map();
    return (feature) => {
      for (const [attribute, value] of Object.entries(state.filters)) {
        if (def.attributes.includes(attribute) && String(feature.get(attribute)) !== value) return null;
      }
      const cls = style.attribute ? classOf(style, feature.get(style.attribute)) : null;
      const key = cls ? cls.value ?? `${cls.min}-${cls.max}` : '__default';
      if (!cache.has(key)) cache.set(key, olStyle(cls ? cls.symbol : style.default, def.geometry));
      return cache.get(key);
    };
  }

  function swatch(symbol, geometry) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '22'); svg.setAttribute('height', '16');
    let shape;
    if (geometry === 'line') {
      shape = document.createElementNS(ns, 'line');
      shape.setAttribute('x1', '1'); shape.setAttribute('y1', '8'); shape.setAttribute('x2', '21'); shape.setAttribute('y2', '8');
    } else if (geometry === 'polygon') {
      shape = document.createElementNS(ns, 'rect');
      shape.setAttribute('x', '2'); shape.setAttribute('y', '2'); shape.setAttribute('width', '18'); shape.setAttribute('height', '12');
    } else {
      const r = Math.min(symbol.size / 2, 7);
      if (symbol.shape === 'square') {
        shape = document.createElementNS(ns, 'rect');
        shape.setAttribute('x', String(11 - r)); shape.setAttribute('y', String(8 - r)); shape.setAttribute('width', String(2 * r)); shape.setAttribute('height', String(2 * r));
      } else if (symbol.shape === 'triangle' || symbol.shape === 'diamond') {
        shape = document.createElementNS(ns, 'polygon');
        const pts = symbol.shape === 'triangle'
          ? [[11, 8 - r * 1.2], [11 + r * 1.04, 8 + r * 0.6], [11 - r * 1.04, 8 + r * 0.6]]
          : [[11, 8 - r * 1.2], [11 + r * 1.2, 8], [11, 8 + r * 1.2], [11 - r * 1.2, 8]];
        shape.setAttribute('points', pts.map((p) => p.join(',')).join(' '));
      } else {
        shape = document.createElementNS(ns, 'circle');
        shape.setAttribute('cx', '11'); shape.setAttribute('cy', '8'); shape.setAttribute('r', String(r));
      }
    }
    shape.setAttribute('stroke', symbol.stroke);
    shape.setAttribute('stroke-width', String(Math.min(symbol.stroke_width, 4)));
    if (symbol.dash && symbol.dash.length) shape.setAttribute('stroke-dasharray', symbol.dash.join(' '));
    shape.setAttribute('fill', geometry === 'line' || !symbol.fill ? 'none' : symbol.fill);
    if (symbol.fill) shape.setAttribute('fill-opacity', String(Math.max(symbol.fill_opacity, geometry === 'polygon' ? 0.35 : 0)));
    svg.appendChild(shape);
    return svg;
  }

  // ---- map ----
  const popupElement = document.getElementById('popup');
  const popup = new ol.Overlay({ element: popupElement, autoPan: { animation: { duration: 200 } }, stopEvent: true });
  const map = new ol.Map({
    target: 'map',
    layers: [],
    overlays: [popup],
    view: new ol.View({ center: ol.proj.fromLonLat([106, 16]), zoom: 6 }),
    // Every tile of the first view at once (OpenLayers' default is 16 loading at a time; the first view asks ~20).
    maxTilesLoading: 64,
    controls: ol.control.defaults.defaults({ attribution: true }).extend([new ol.control.ScaleLine({ units: 'metric' })]),
  });
  let tileLayer = null;
  // For tests and benchmarks: the map itself, kept out of JSON.stringify(window.sotttt).
  Object.defineProperty(status, 'map', { value: map, enumerable: false });

  // The features of a layer's loaded tiles at the zoom the view shows (a feature near a tile edge is in both tiles).
  function featuresOf(name) {
    const layer = state.olLayers[name];
    if (!layer) return [];
    const source = layer.getSource();
    // The zoom OpenLayers draws at (vector tile sources round up: zDirection 1).
    const z = source.getTileGrid().getZForResolution(map.getView().getResolution(), source.zDirection);
    const features = [];
    for (const [key, list] of Object.entries(state.tiles[name] || {})) {
      if (Number(key.split('/')[0]) === z) features.push(...list);
    }
    return features;
  }
  Object.defineProperty(status, 'features', { value: featuresOf, enumerable: false });

  // Tiles that arrive while others are still on their way are handed to OpenLayers together, when the last arrives (or
  // at most 300 ms after the first waiting one): the map is drawn once for all of them instead of once per tile, and
  // every drawing re-renders the points of every loaded tile.
  const tileFetches = (() => {
    let inFlight = 0;
    let timer = null;
    const arrived = [];
    const flush = () => {
      clearTimeout(timer);
      timer = null;
      for (const apply of arrived.splice(0)) apply();
    };
    return {
      started() { inFlight += 1; },
      paused() { inFlight -= 1; if (inFlight === 0 && arrived.length) flush(); },
      done(apply) {
        inFlight -= 1;
        arrived.push(apply);
        if (inFlight === 0) flush();
        else if (timer === null) timer = setTimeout(flush, 300);
      },
    };
  })();

  function layerFor(def) {
    if (state.olLayers[def.name]) return state.olLayers[def.name];
    const source = new ol.source.VectorTile({
      format: new ol.format.MVT(),
      url: `tiles/${encodeURIComponent(def.name)}/{z}/{x}/{y}.mvt`,
      maxZoom: 22,
      // Tiles appear at once: the default 250 ms fade-in only delays the first complete frame.
      transition: 0,
      // A layer the server is still computing answers 503 "computing": ask again after Retry-After.
      tileLoadFunction(tile, url) {
        tile.setLoader((extent, resolution, projection) => {
          tileFetches.started();
          const get = (attempt) => fetch(url).then((r) => {
            if (r.status === 503 && attempt < 150) {
              setStatus(fmt(t('computing'), label(def.title)));
              const wait = 1000 * (Number(r.headers.get('Retry-After')) || 2);
              // Waiting for the server holds back no other tile.
              tileFetches.paused();
              return new Promise((resolve) => setTimeout(resolve, wait)).then(() => { tileFetches.started(); return get(attempt + 1); });
            }
            if (!r.ok) throw new Error(`HTTP ${r.status}`);
            return r.arrayBuffer();
          });
          get(0)
            .then((data) => {
              const features = tile.getFormat().readFeatures(data, { extent, featureProjection: projection });
              tileFetches.done(() => tile.setFeatures(features));
            })
            .catch(() => tileFetches.done(() => tile.setState(3))); // TileState.ERROR: tileloaderror reports it
        });
      },
    });
    const tiles = state.tiles[def.name] = {};
    source.on('tileloadstart', () => { state.pending += 1; });
    source.on('tileloadend', (event) => {
      tiles[event.tile.getTileCoord().join('/')] = event.tile.getFeatures();
      tileDone();
    });
    source.on('tileloaderror', (event) => {
      status.errors.push(`${def.name}: tile ${event.tile.getTileCoord().join('/')} failed`);
      setStatus(fmt(t('error'), label(def.title)));
      tileDone();
    });
    // 'vector' draws every feature straight onto the map; 'hybrid' first paints lines and polygons into an image per tile,
    // which took twice as long for the national overview's first view (issue 14: ~0.6 s against ~1.2 s in headless Chromium).
    const layer = new ol.layer.VectorTile({ source, style: styleFunction(def), visible: def.visible, declutter: false, renderMode: 'vector' });
    layer.set('name', def.name);
    state.olLayers[def.name] = layer;
    return layer;
  }

  function tileDone() {
    state.pending = Math.max(0, state.pending - 1);
    if (state.pending === 0) {
      if (status.tilesMs === null) status.tilesMs = performance.now();
      updateCounts(); renderFilters(); waitForRender();
    }
  }

  function updateCounts() {
    for (const name of state.view.layers) {
      if (!state.olLayers[name] || !map.getLayers().getArray().includes(state.olLayers[name])) continue;
      status.counts[name] = featuresOf(name).length;
      const li = document.querySelector(`#layers li[data-layer="${name}"]`);
      if (li) li.dataset.features = String(status.counts[name]);
    }
  }

  function waitForRender() {
    map.once('rendercomplete', () => {
      if (state.pending > 0) return;
      if (!status.ready) {
        updateCounts();
        status.ready = true;
        document.body.dataset.ready = 'true';
        document.body.dataset.view = state.view.name;
        if (status.firstRenderMs === null) status.firstRenderMs = performance.now();
        const total = Object.keys(status.counts).filter((n) => state.view.layers.includes(n)).reduce((s, n) => s + status.counts[n], 0);
        setStatus(fmt(t('loaded'), total));
      }
    });
    map.render();
  }

  function setStatus(text) { document.getElementById('status').textContent = text; }

  function showView(name) {
    const view = state.catalogue.views.find((v) => v.name === name) || state.catalogue.views[0];
    state.view = view;
    status.view = view.name;
    status.ready = false;
    document.body.dataset.ready = 'false';
    popup.setPosition(undefined);
    state.filters = {};
    for (const layer of map.getLayers().getArray().slice()) {
      if (layer !== tileLayer) map.removeLayer(layer);
    }
    setStatus(t('loading'));
    for (const layerName of view.layers) {
      const def = state.layerDefs[layerName];
      if (def && def.available) map.addLayer(layerFor(def));
    }
    document.querySelectorAll('#views button').forEach((b) => b.classList.toggle('active', b.dataset.view === view.name));
    renderPanel();
    const url = new URL(window.location.href);
    url.searchParams.set('view', view.name);
    window.history.replaceState(null, '', url);
    // Tiles start loading with the next frame; rendercomplete comes once they are loaded and drawn.
    setTimeout(() => { if (state.pending === 0) waitForRender(); }, 0);
  }

  // One select per filter of the view, offering the values present in the view's loaded features.
  function renderFilters() {
    const box = document.getElementById('filters');
    box.replaceChildren();
    for (const filter of state.view.filters || []) {
      const values = new Set();
      for (const layerName of state.view.layers) {
        const def = state.layerDefs[layerName];
        if (!def.available || !def.attributes.includes(filter.attribute)) continue;
        for (const f of featuresOf(layerName)) {
          const v = f.get(filter.attribute);
          if (v !== null && v !== undefined && v !== '') values.add(String(v));
        }
      }
      if (values.size === 0) continue;
      const label = document.createElement('label');
      label.textContent = `${filter.label[state.lang]} `;
      const select = document.createElement('select');
      select.dataset.attribute = filter.attribute;
      const all = document.createElement('option');
      all.value = '';
      all.textContent = t('all');
      select.appendChild(all);
      for (const v of [...values].sort()) {
        const o = document.createElement('option');
        o.value = v;
        o.textContent = v;
        select.appendChild(o);
      }
      select.value = state.filters[filter.attribute] || '';
      select.addEventListener('change', () => {
        if (select.value) state.filters[filter.attribute] = select.value; else delete state.filters[filter.attribute];
        for (const layerName of state.view.layers) {
          if (state.olLayers[layerName]) state.olLayers[layerName].changed();
        }
      });
      label.appendChild(select);
      box.appendChild(label);
    }
  }

  function renderPanel() {
    const view = state.view;
    document.getElementById('view-description').textContent = label(view.description);
    const list = document.querySelector('#layers ul');
    list.replaceChildren();
    const legend = document.querySelector('#legend .entries');
    legend.replaceChildren();
    for (const layerName of view.layers.slice().reverse()) {
      const def = state.layerDefs[layerName];
      const li = document.createElement('li');
      li.dataset.layer = layerName;
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = `layer-${layerName}`;
      const text = document.createElement('label');
      text.htmlFor = input.id;
      text.textContent = label(def.title);
      if (def.description) text.title = label(def.description);
      if (def.available) {
        const layer = state.olLayers[layerName];
        input.checked = layer.getVisible();
        input.addEventListener('change', () => { layer.setVisible(input.checked); renderLegend(); });
        if (status.counts[layerName] !== undefined) li.dataset.features = String(status.counts[layerName]);
      } else {
        input.disabled = true;
        li.classList.add('unavailable');
        li.dataset.available = 'false';
        const note = document.createElement('span');
        note.className = 'note';
        note.textContent = `(${t('unavailable')})`;
        text.appendChild(note);
      }
      li.append(input, text);
      list.appendChild(li);
    }
    renderFilters();
    renderLegend();
  }

  function renderLegend() {
    const legend = document.querySelector('#legend .entries');
    legend.replaceChildren();
    for (const layerName of state.view.layers.slice().reverse()) {
      const def = state.layerDefs[layerName];
      if (!def.available || !state.olLayers[layerName].getVisible()) continue;
      const block = document.createElement('div');
      block.className = 'layer';
      block.dataset.layer = layerName;
      const title = document.createElement('div');
      title.className = 'layer-title';
      title.textContent = label(def.title);
      block.appendChild(title);
      const entries = def.style.classes.map((c) => [c.symbol, label(c.label)]);
      if (entries.length === 0 || def.style.default_label) entries.push([def.style.default, def.style.default_label ? label(def.style.default_label) : label(def.title)]);
      for (const [symbol, text] of entries) {
        const row = document.createElement('div');
        row.className = 'entry';
        const span = document.createElement('span');
        span.textContent = text;
        row.append(swatch(symbol, def.geometry), span);
        block.appendChild(row);
      }
      legend.appendChild(block);
    }
  }

  function renderChrome() {
    document.documentElement.lang = state.lang;
    document.getElementById('title').textContent = `SoTTTT — ${state.catalogue.dataset}`;
    document.title = `SoTTTT — ${t('title')}`;
    document.getElementById('lang').textContent = t('toggle');
    document.querySelectorAll('[data-text]').forEach((e) => { e.textContent = t(e.dataset.text); });
    const nav = document.getElementById('views');
    nav.replaceChildren();
    for (const view of state.catalogue.views) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.view = view.name;
      b.textContent = label(view.title);
      b.classList.toggle('active', state.view && state.view.name === view.name);
      b.addEventListener('click', () => showView(view.name));
      nav.appendChild(b);
    }
  }

  function formatValue(value, unit) {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return state.lang === 'en' ? (value ? 'yes' : 'no') : (value ? 'có' : 'không');
    const text = typeof value === 'number' ? value.toLocaleString(state.lang === 'en' ? 'en-GB' : 'vi-VN') : String(value);
    return unit ? `${text} ${unit}` : text;
  }

  // The feature under the pointer in the topmost layer that has one. Points are picked from the loaded tiles (nearest
  // shown point within a few pixels: OpenLayers' hit detection misses point symbols of vector tile layers); lines and
  // polygons by OpenLayers' hit detection.
  function pick(pixel) {
    const layers = map.getLayers().getArray().filter((l) => l.getVisible() && state.layerDefs[l.get('name')]).reverse();
    for (const layer of layers) {
      const def = state.layerDefs[layer.get('name')];
      if (def.geometry === 'point') {
        const style = layer.getStyleFunction();
        let best = null;
        for (const f of featuresOf(def.name)) {
          if (!style(f, 1)) continue;
          const p = map.getPixelFromCoordinate(f.getFlatCoordinates().slice(0, 2));
          const d = Math.hypot(p[0] - pixel[0], p[1] - pixel[1]);
          if (d <= Math.max(6, def.style.default.size / 2 + 2) && (!best || d < best[1])) best = [f, d];
        }
        if (best) return [best[0], layer];
      } else {
        const found = map.forEachFeatureAtPixel(pixel, (f) => f, { hitTolerance: 4, layerFilter: (l) => l === layer });
        if (found) return [found, layer];
      }
    }
    return null;
  }

  map.on('singleclick', (event) => {
    const hit = pick(event.pixel);
    if (!hit) { popup.setPosition(undefined); return; }
    const [feature, layer] = hit;
    const def = state.layerDefs[layer.get('name')];
    const content = popupElement.querySelector('.content');
    content.replaceChildren();
    const h = document.createElement('h3');
    h.textContent = label(def.title);
    const table = document.createElement('table');
    for (const field of def.popup) {
      const tr = table.insertRow();
      tr.insertCell().textContent = label(field.label);
      tr.insertCell().textContent = formatValue(feature.get(field.attribute), field.unit);
    }
    content.append(h, table);
    popupElement.hidden = false;
    popup.setPosition(event.coordinate);
  });
  popupElement.querySelector('.close').addEventListener('click', () => popup.setPosition(undefined));

  function setTiles(url) {
    if (tileLayer) { map.removeLayer(tileLayer); tileLayer = null; }
    if (url) {
      tileLayer = new ol.layer.Tile({ source: new ol.source.XYZ({ url, crossOrigin: 'anonymous' }) });
      map.getLayers().insertAt(0, tileLayer);
    }
  }

  document.getElementById('lang').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    try { window.localStorage.setItem('sotttt.lang', state.lang); } catch (e) { /* private mode */ }
    renderChrome();
    renderPanel();
  });

  const tileInput = document.getElementById('tile-url');
  tileInput.addEventListener('change', () => {
    const url = tileInput.value.trim();
    try { window.localStorage.setItem('sotttt.tiles', url); } catch (e) { /* private mode */ }
    setTiles(url);
  });

  (window.sottttViews || fetch('api/views').then((r) => r.json()))
    .then((catalogue) => {
      status.viewsMs = performance.now();
      state.catalogue = catalogue;
      for (const def of catalogue.layers) state.layerDefs[def.name] = def;
      let stored = null;
      try { stored = window.localStorage.getItem('sotttt.lang'); } catch (e) { /* private mode */ }
      state.lang = params.get('lang') || stored || catalogue.lang || 'vi';
      let tiles = params.get('tiles');
      try { tiles = tiles || window.localStorage.getItem('sotttt.tiles'); } catch (e) { /* private mode */ }
      if (tiles) { tileInput.value = tiles; setTiles(tiles); }
      const extent = ol.proj.transformExtent(catalogue.extent, 'EPSG:4326', 'EPSG:3857');
      map.getView().fit(extent, { padding: [20, 20, 20, 20] });
      renderChrome();
      showView(params.get('view') || catalogue.views[0].name);
    })
    .catch((e) => { status.errors.push(`views: ${e.message}`); setStatus(e.message); });
}());
