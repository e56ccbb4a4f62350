// The map page: loads the first view of a pacte (?pacte=<id>, else the default one) in one GraphQL request,
// then wires layers, controls, panel, list view, presenter mode, permalink and exports around one state
// { pacte, theme, axis, territory }. Everything about the region, its layers and its themes comes from the API.
import { T } from './strings.js';
import { request, query, errorMessage } from './graphql.js';
import { graphQlDocument, FIRST_VIEW, COVERAGE, COVERAGE_WITH_ACTIONS, TERRITORY_PANEL, COVERAGE_CHANGED, PACTE_CHANGED } from './queries.js';
import { classes, renderLegend, outlineEntries } from './palette.js';
import { TerritoryLayers, groupsOf } from './layers.js';
import { Panel } from './panel.js';
import { ListView } from './list.js';
import { Controls } from './controls.js';
import { Presenter } from './presenter.js';
import { readPermalink, writePermalink } from './permalink.js';
import { exportCsv, exportGeoJson, exportPng } from './export.js';
import { Live } from './live.js';
import { Session } from './session.js';
import { Account } from './account.js';
import { ActionEditor } from './editor.js';
import { text } from './dom.js';

/* global L */

const $ = (id) => document.getElementById(id);
const state = readPermalink();
const coverageCache = new Map();
const TRANSPARENT = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const FRANCE = { centre: [46.6, 2.4], zoom: 5 };
const key = (theme, axis) => `${theme ?? ''}|${axis ?? ''}`;
const countsOf = (coverage) => new Map(coverage.map((c) => [c.territory.code, c.actionCount]));

function notify(message, kind = 'info') {
  const status = $('status');
  status.textContent = message;
  status.className = kind;
  status.hidden = !message;
}

async function start() {
  document.body.dataset.state = 'loading';
  const config = fetch('/map/config').then((r) => (r.ok ? r.json() : { tileUrl: null })).catch(() => ({ tileUrl: null }));
  // The request leaves before Leaflet is parsed. Deferred scripts run in document order, Leaflet's after this
  // module, and all of them before DOMContentLoaded; readyState is already 'interactive' while they run, so
  // it cannot tell whether Leaflet has run (a first view answered from the cache came back before it did, and
  // the map failed with « L is not defined »). 'load' too, should Leaflet's script fail to load.
  const leaflet = globalThis.L || document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => {
      document.addEventListener('DOMContentLoaded', resolve, { once: true });
      window.addEventListener('load', resolve, { once: true });
    });
  graphQlDocument(COVERAGE).catch(() => {}); // asked right after the first view
  const firstView = (theme, axis) => request(FIRST_VIEW, { pacte: state.pacte, theme, axis });
  let [{ data, errors }] = await Promise.all([firstView(state.theme, state.axis), leaflet]);
  if (errors.some((e) => e.extensions && e.extensions.code === 'UNKNOWN_PACTE')) {
    throw new Error(state.pacte != null ? T.unknownPacte(state.pacte) : errorMessage(errors));
  }
  let fellBack = false;
  if (data?.pacte == null && (state.theme != null || state.axis != null)) {
    // The permalink's question failed (the API refuses an unknown theme or axis): load the view without it.
    ({ data, errors } = await firstView(null, null));
    fellBack = true;
  }
  const pacte = data?.pacte;
  if (pacte == null || pacte.mapLayers == null || pacte.themes == null || pacte.axes == null) {
    throw new Error(errorMessage(errors));
  }
  state.pacte = pacte.id;
  const { themes, axes } = pacte;
  let coverage = pacte.coverage;
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
  if (unknown && !fellBack) coverage = (await query(COVERAGE, { pacte: state.pacte, theme: state.theme, axis: state.axis })).coverage;
  if (coverage == null) throw new Error(errorMessage(errors));
  coverageCache.set(key(state.theme, state.axis), coverage);

  document.title = T.pageTitle(pacte.title);
  $('brand').textContent = pacte.region ? T.brand(pacte.region.name) : pacte.title;
  $('brand').title = T.source(pacte);
  const groups = groupsOf(pacte.mapLayers);
  const headline = themes.filter((t) => t.headline);
  const view = { pacte: pacte.id, subtitle: T.subtitle(pacte.source) };

  // The controls first: they set the header's height, hence the map's size the first view is fitted to.
  const controls = new Controls($('controls'), themes, axes, groups, {
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
      const run = {
        geojson: () => exportGeoJson(view, layers, question),
        csv: () => exportCsv(view, layers, question),
        png: () => exportPng(view, map, layers, question),
      }[format];
      Promise.resolve().then(run).catch((error) => notify(T.requestFailed + error.message, 'error'));
    },
  });
  controls.show(state.theme, state.axis);
  // The sign-in of planners sits in the header too: drawn before the map is sized, like the controls.
  const session = new Session();
  new Account($('account'), session);

  const map = L.map('map', { zoomSnap: 0.25, zoomDelta: 0.5 });
  new ResizeObserver(() => map.invalidateSize({ pan: false })).observe($('map'));
  map.attributionControl.addAttribution(T.attribution);
  // The region and every shape of its layers (the region's outline alone when it is all there is).
  const regionBounds = L.geoJSON([pacte.region, ...groups.flatMap((g) => g.territories)]
    .map((t) => t && t.geometry).filter(Boolean)).getBounds();
  const fit = (options) => {
    if (regionBounds.isValid()) map.fitBounds(regionBounds, options);
    else map.setView(FRANCE.centre, FRANCE.zoom, options);
  };
  if (state.centre && state.zoom != null) map.setView([state.centre.lat, state.centre.lon], state.zoom);
  else fit();
  if (!regionBounds.isValid()) notify(T.noContours);

  const select = (territory) => selectTerritory(territory);
  const layers = new TerritoryLayers(map, pacte.region, groups, select);
  const territories = layers.territories();
  const findTerritory = (code) => {
    const wanted = String(code).toUpperCase();
    return territories.find((t) => t.code.toUpperCase() === wanted || t.aliases.some((a) => a.toUpperCase() === wanted));
  };
  const kindLabel = (territory) => layers.kindLabel(territory);

  const list = new ListView($('list-view'), territories, kindLabel, headline, select);

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
    writePermalink({
      pacte: state.pacte, theme: state.theme, axis: state.axis, territory: state.territory,
      centre: { lat: centre.lat, lon: centre.lng }, zoom: map.getZoom(),
    });
  };

  const layerCodes = (territory) => {
    const group = layers.groupOf(territory.code);
    return group ? layers.territoriesOf(group).map((t) => t.code) : [territory.code];
  };
  // Planners: the sign-in in the header; signed-in editors get « Modifier » under each action of the panel, and
  // a save redraws the map and the panel (the coverage is asked again: the cache of this page is emptied).
  let toldWho = 0; // when the page last said who changed the pacte (or that it saved): the live notice then waits
  const editor = new ActionEditor({ pacte: state.pacte }, () => {
    coverageCache.clear();
    toldWho = Date.now(); // this page says it saved: the live update that follows says nothing more
    notify(T.editSaved);
    ask(state.theme, state.axis);
    refreshHeadlines();
  });
  const actionControls = (action) => {
    const controlsOf = [];
    if (session.canEdit) {
      const edit = text('button', T.edit, 'link edit');
      edit.type = 'button';
      edit.dataset.editAction = action.id;
      edit.setAttribute('aria-label', T.editAction(action.label));
      edit.addEventListener('click', () => editor.open(action.id));
      controlsOf.push(edit);
    }
    const history = text('button', T.history, 'link history');
    history.type = 'button';
    history.dataset.historyAction = action.id;
    history.setAttribute('aria-label', T.historyOf(action.label));
    history.addEventListener('click', () => editor.history(action.id));
    controlsOf.push(history);
    const span = document.createElement('span');
    span.className = 'action-controls';
    span.append(...controlsOf);
    return [span];
  };
  const panel = new Panel($('panel'), { pacte: state.pacte, kindLabel, layerCodes, actionControls }, () => {
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

  const outlines = outlineEntries(groups);
  function apply(answer) {
    const question = questionOf(state.theme, state.axis);
    const counts = countsOf(answer);
    const ranges = classes(Math.max(0, ...answer.map((c) => c.actionCount)));
    layers.setCounts(counts, ranges);
    renderLegend($('legend'), ranges, outlines);
    list.setCounts(counts, question.text);
    $('question').textContent = question.text;
    presenter.update(question.text, answer.filter((c) => c.actionCount > 0)
      .map((c) => ({ territory: findTerritory(c.territory.code) ?? c.territory, count: c.actionCount })));
    document.body.dataset.question = key(state.theme, state.axis);
    document.body.dataset.state = 'ready';
  }

  /** The coverage of a question, asked once per page. */
  function coverageOf(theme, axis) {
    const k = key(theme, axis);
    if (!coverageCache.has(k)) {
      const answer = query(COVERAGE, { pacte: state.pacte, theme, axis }).then((data) => data.coverage);
      answer.catch(() => coverageCache.delete(k)); // asked again next time
      coverageCache.set(k, answer);
    }
    return Promise.resolve(coverageCache.get(k));
  }

  let asked = 0;
  async function ask(theme, axis) {
    const ticket = ++asked;
    state.theme = theme;
    state.axis = axis;
    controls.show(theme, axis);
    save();
    if (!coverageCache.has(key(theme, axis))) document.body.dataset.state = 'loading';
    let answer;
    try {
      answer = await coverageOf(theme, axis);
    } catch (error) {
      if (ticket === asked) {
        notify(T.requestFailed + error.message, 'error');
        document.body.dataset.state = 'ready';
      }
      return;
    }
    if (ticket !== asked) return;
    apply(answer);
    if (panel.open && state.territory) panel.show(findTerritory(state.territory), questionOf(theme, axis));
    follow();
  }

  // Live updates: the current question's coverage is pushed when the data changes it (any planner's edit or an
  // import, on any instance). Every other cached answer may be stale then: forgotten, asked again when needed.
  const live = new Live((liveState, reconnected) => {
    document.body.dataset.live = liveState;
    $('live').textContent = T.live[liveState];
    $('live').dataset.state = liveState;
    if (reconnected) refreshAll();
  });
  let unfollow = null;
  function follow() {
    if (unfollow) unfollow();
    const question = { theme: state.theme, axis: state.axis };
    unfollow = live.subscribe(COVERAGE_CHANGED, { pacte: state.pacte, ...question }, ({ data }) => {
      if (data == null || question.theme !== state.theme || question.axis !== state.axis) return;
      coverageCache.clear();
      coverageCache.set(key(state.theme, state.axis), data.coverageChanged);
      apply(data.coverageChanged);
      refreshHeadlines();
      if (panel.open && state.territory) panel.show(findTerritory(state.territory), questionOf(state.theme, state.axis));
      // A change outside the audit trail (plain SQL) says when only; an edit or an import has said who.
      if (Date.now() - toldWho > 3000) notify(T.updatedAt(new Date()));
    });
  }
  // Who changed the pacte, and when: « Carte mise à jour à HH:MM par … » (the audit trail's entry).
  live.subscribe(PACTE_CHANGED, { pacte: state.pacte }, ({ data }) => {
    if (data == null) return;
    coverageCache.clear();
    toldWho = Date.now();
    // The page that saved has said so already.
    if (session.user && session.user.login === data.pacteChanged.actor) return;
    notify(T.updatedBy(new Date(data.pacteChanged.at), data.pacteChanged.actor));
  });
  // After a cut, changes may have been missed: ask the current question (and the list's counts) again.
  function refreshAll() {
    coverageCache.clear();
    ask(state.theme, state.axis);
    refreshHeadlines();
  }

  const steps = [...headline.map((t) => ({ theme: t.slug, axis: null })), ...axes.map((a) => ({ theme: null, axis: a.number }))];
  const presenter = new Presenter($('caption'), $('answers'), steps, (step) => ask(step.theme, step.axis), () => {
    map.invalidateSize({ pan: false });
    fit({ animate: false, padding: [10, 10] });
  });

  apply(coverage);
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

  session.onChange(() => {
    document.body.dataset.signedIn = String(session.signedIn);
    panel.refresh();
  });
  session.load().catch((error) => notify(T.requestFailed + error.message, 'error'));

  // Right after the first paint: the headline themes' counts of the list view (also what presenter mode shows
  // first), the documents of the panel and the exports, and the live updates of the question.
  function refreshHeadlines() {
    for (const theme of headline) {
      coverageOf(theme.slug, null)
        .then((answer) => list.setHeadlineCounts(theme.slug, countsOf(answer)))
        .catch((error) => notify(T.requestFailed + error.message, 'error'));
    }
  }
  refreshHeadlines();
  for (const name of [TERRITORY_PANEL, COVERAGE_WITH_ACTIONS]) graphQlDocument(name).catch(() => {});
  follow();

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
  $('question').textContent = T.mapUnavailable;
  notify(T.loadFailed + error.message, 'error');
});
