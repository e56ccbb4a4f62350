// The map page: loads the first view in one GraphQL request, then wires layers, controls, panel, list view,
// presenter mode, permalink and exports around one state { theme, axis, territory }.
import { T } from './strings.js';
import { request, query, errorMessage } from './graphql.js';
import { FIRST_VIEW, COVERAGE, HEADLINE_THEMES } from './queries.js';
import { classes, renderLegend } from './palette.js';
import { TerritoryLayers } from './layers.js';
import { Panel } from './panel.js';
import { ListView } from './list.js';
import { Controls } from './controls.js';
import { Presenter } from './presenter.js';
import { readPermalink, writePermalink } from './permalink.js';
import { exportCsv, exportGeoJson, exportPng } from './export.js';

/* global L */

const $ = (id) => document.getElementById(id);
const state = readPermalink();
const coverageCache = new Map();
const TRANSPARENT = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const key = (theme, axis) => `${theme ?? ''}|${axis ?? ''}`;

function notify(message, kind = 'info') {
  const status = $('status');
  status.textContent = message;
  status.className = kind;
  status.hidden = !message;
}

async function start() {
  document.body.dataset.state = 'loading';
  const config = fetch('/map/config').then((r) => (r.ok ? r.json() : { tileUrl: null })).catch(() => ({ tileUrl: null }));
  // The request leaves before Leaflet is parsed; deferred scripts have all run by DOMContentLoaded.
  const leaflet = document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();
  let [{ data, errors }] = await Promise.all([request(FIRST_VIEW, { theme: state.theme, axis: state.axis }), leaflet]);
  let fellBack = false;
  if (data == null && (state.theme != null || state.axis != null)) {
    // The permalink's question failed (the API refuses an unknown theme or axis): load the view without it.
    ({ data, errors } = await request(FIRST_VIEW, { theme: null, axis: null }));
    fellBack = true;
  }
  if (data == null || data.departments == null || data.themes == null || data.axes == null) {
    throw new Error(errorMessage(errors));
  }
  const { themes, axes } = data;
  // A permalink may name a theme or axis that does not exist (any more): say so and show everything.
  let unknown = false;
  if (state.theme != null && !themes.some((t) => t.slug === state.theme)) {
    notify(T.unknownTheme(state.theme), 'error');
    state.theme = null;
    unknown = true;
  }
  if (state.axis != null && !axes.some((a) => a.number === state.axis)) {
    notify(T.unknownAxis(state.axis), 'error');
    state.axis = null;
    unknown = true;
  }
  if (fellBack && !unknown) {
    notify(T.requestFailed + T.question(state.theme ?? state.axis), 'error');
    state.theme = null;
    state.axis = null;
  }
  if (unknown && !fellBack) data = { ...data, coverage: (await query(COVERAGE, { theme: state.theme, axis: state.axis })).coverage };
  if (data.coverage == null) throw new Error(errorMessage(errors));
  coverageCache.set(key(state.theme, state.axis), data.coverage);

  const byCode = (a, b) => a.code.localeCompare(b.code);
  const shapes = {
    region: data.region ?? [],
    departments: [...data.departments].sort(byCode),
    metropolises: [...(data.metropolises ?? [])].sort((a, b) => (a.aliases[0] ?? a.code).localeCompare(b.aliases[0] ?? b.code)),
    cities: data.cities ?? [],
  };

  // The controls first: they set the header's height, hence the map's size the first view is fitted to.
  const controls = new Controls($('controls'), themes, axes, {
    onQuestion: (theme, axis) => ask(theme, axis),
    onLayer: (groupKey, visible) => layers.setVisible(groupKey, visible),
    onList: () => {
      const section = $('list-view');
      section.hidden = !section.hidden;
      controls.setListOpen(!section.hidden);
      if (!section.hidden) section.querySelector('button').focus();
    },
    onPresenter: () => presenter.enter(state.theme, state.axis),
    onExport: (format) => {
      const question = questionOf(state.theme, state.axis);
      const run = { geojson: () => exportGeoJson(layers, question), csv: () => exportCsv(layers, question), png: () => exportPng(map, layers, question) }[format];
      Promise.resolve().then(run).catch((error) => notify(T.requestFailed + error.message, 'error'));
    },
  });
  controls.show(state.theme, state.axis);

  const map = L.map('map', { zoomSnap: 0.25, zoomDelta: 0.5 });
  new ResizeObserver(() => map.invalidateSize({ pan: false })).observe($('map'));
  map.attributionControl.addAttribution(T.attribution);
  const regionBounds = L.geoJSON(shapes.region.concat(shapes.departments).map((t) => t.geometry).filter(Boolean)).getBounds();
  if (state.centre && state.zoom != null) map.setView([state.centre.lat, state.centre.lon], state.zoom);
  else map.fitBounds(regionBounds);

  const select = (territory) => selectTerritory(territory);
  const layers = new TerritoryLayers(map, shapes, select);
  const territories = layers.territories();
  const findTerritory = (code) => {
    const wanted = String(code).toUpperCase();
    return territories.find((t) => t.code.toUpperCase() === wanted || t.aliases.some((a) => a.toUpperCase() === wanted));
  };

  const headline = HEADLINE_THEMES.map((slug, i) => ({
    theme: themes.find((t) => t.slug === slug) ?? { slug, label: slug },
    counts: new Map((data[`headline${i}`] ?? []).map((c) => [c.territory.code, c.actionCount])),
  }));
  const list = new ListView($('list-view'), territories, headline, select);

  const questionOf = (theme, axis) => {
    const t = themes.find((x) => x.slug === theme);
    const a = axes.find((x) => x.number === axis);
    let phrase = null;
    if (t) phrase = (T.themePhrase[t.slug] ?? T.themeFallback(t.label)) + (a ? T.inAxis(a) : '');
    else if (a) phrase = T.axisPhrase(a);
    return { theme: t ? t.slug : null, axis: a ? a.number : null, phrase, text: phrase ? T.question(phrase) : T.allQuestion };
  };

  const save = () => {
    const centre = map.getCenter();
    writePermalink({ theme: state.theme, axis: state.axis, territory: state.territory, centre: { lat: centre.lat, lon: centre.lng }, zoom: map.getZoom() });
  };

  const panel = new Panel($('panel'), () => {
    state.territory = null;
    layers.select(null);
    save();
  });

  function selectTerritory(territory) {
    state.territory = territory.code;
    layers.select(territory.code);
    panel.show(territory, questionOf(state.theme, state.axis));
    save();
  }

  function apply(coverage) {
    const question = questionOf(state.theme, state.axis);
    const counts = new Map(coverage.map((c) => [c.territory.code, c.actionCount]));
    const ranges = classes(Math.max(0, ...coverage.map((c) => c.actionCount)));
    layers.setCounts(counts, ranges);
    renderLegend($('legend'), ranges);
    list.setCounts(counts, question.text);
    $('question').textContent = question.text;
    presenter.update(question.text, coverage.filter((c) => c.actionCount > 0)
      .map((c) => ({ territory: findTerritory(c.territory.code) ?? c.territory, count: c.actionCount })));
    document.body.dataset.question = key(state.theme, state.axis);
    document.body.dataset.state = 'ready';
  }

  let asked = 0;
  async function ask(theme, axis) {
    const ticket = ++asked;
    state.theme = theme;
    state.axis = axis;
    controls.show(theme, axis);
    save();
    let coverage = coverageCache.get(key(theme, axis));
    if (!coverage) {
      document.body.dataset.state = 'loading';
      try {
        coverage = (await query(COVERAGE, { theme, axis })).coverage;
      } catch (error) {
        notify(T.requestFailed + error.message, 'error');
        document.body.dataset.state = 'ready';
        return;
      }
      coverageCache.set(key(theme, axis), coverage);
    }
    if (ticket !== asked) return;
    apply(coverage);
    if (panel.open && state.territory) panel.show(findTerritory(state.territory), questionOf(theme, axis));
  }

  const steps = [...HEADLINE_THEMES.map((theme) => ({ theme, axis: null })), ...axes.map((a) => ({ theme: null, axis: a.number }))];
  const presenter = new Presenter($('caption'), $('answers'), steps, (step) => ask(step.theme, step.axis), () => {
    map.invalidateSize({ pan: false });
    map.fitBounds(regionBounds, { animate: false, padding: [10, 10] });
  });


  apply(data.coverage);
  performance.mark('pacte:first-coloured-map');

  if (state.territory) {
    const territory = findTerritory(state.territory);
    if (territory) selectTerritory(territory);
    else {
      notify(T.unknownTerritory(state.territory), 'error');
      state.territory = null;
    }
  }
  map.on('moveend', save);

  const { tileUrl, tileAttribution } = await config;
  if (tileUrl) {
    // A failed tile is drawn transparent: the land colour, outlines and names stay as they are.
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 18, errorTileUrl: TRANSPARENT }).addTo(map);
    tiles.once('tileerror', () => {
      document.body.classList.add('no-tiles');
      notify(T.tilesFailed);
    });
  } else {
    document.body.classList.add('no-tiles');
  }
}

start().catch((error) => {
  document.body.dataset.state = 'failed';
  notify(T.loadFailed + error.message, 'error');
});
