// The side panel: a territory's actions grouped by axis and priority, with their themes, and the funding
// lines of its kind of partner (the kind of the lines that name a territory of its map layer).
import { T } from './strings.js';
import { query } from './graphql.js';
import { TERRITORY_PANEL } from './queries.js';
import { text } from './dom.js';

// Only when no funding line names a territory of the layer: the partner kind of a kind of territory.
const PARTNER_KIND = { DEPARTMENT: 'DEPARTMENT', EPCI: 'METROPOLIS', COMMUNE: 'CITY' };

export class Panel {
  /**
   * @param element the <aside> of the panel
   * @param view { pacte: id of the pacte, kindLabel(territory), layerCodes(territory): codes of its map layer,
   *   actionControls(action): elements added under an action (« Modifier », « Historique »), may be absent }
   * @param onClose called when the panel is closed
   */
  constructor(element, view, onClose) {
    this.element = element;
    this.view = view;
    this.onClose = onClose;
    this.showAll = false;
    this.request = 0;
  }

  get open() {
    return !this.element.hidden;
  }

  /** Shows the territory's actions for the question ({theme, axis, text}); all its actions if showAll. */
  async show(territory, question) {
    this.territory = territory;
    this.question = question;
    const ticket = ++this.request;
    this.element.hidden = false;
    this.element.setAttribute('data-territory-code', territory.code);
    this.element.replaceChildren(this.header(territory), text('p', T.panelLoading, 'loading'));
    const filtered = !this.showAll && (question.theme != null || question.axis != null);
    let data;
    try {
      data = await query(TERRITORY_PANEL, {
        pacte: this.view.pacte, code: territory.code, kind: territory.kind,
        theme: filtered ? question.theme : null, axis: filtered ? question.axis : null,
      });
    } catch (error) {
      if (ticket === this.request) this.element.lastChild.replaceWith(text('p', T.requestFailed + error.message, 'error'));
      return;
    }
    if (ticket !== this.request) return;
    const body = [this.header(territory)];
    body.push(text('h3', filtered ? T.panelActionsFiltered(question.phrase) : T.panelActionsAll));
    if (question.theme != null || question.axis != null) {
      const toggle = text('button', this.showAll ? T.panelShowFiltered : T.panelShowAll, 'link');
      toggle.type = 'button';
      toggle.addEventListener('click', () => {
        this.showAll = !this.showAll;
        this.show(this.territory, this.question);
      });
      body.push(toggle);
    }
    body.push(actionsByAxis(data.territory.actions, this.view.actionControls));
    body.push(fundingLines(territory, this.view.layerCodes(territory), data.funding.lines));
    this.element.replaceChildren(...body);
    this.element.querySelector('h2').focus({ preventScroll: true });
  }

  /** Shows the same territory again (after a sign-in, a sign-out or a save). */
  refresh() {
    if (this.open && this.territory) this.show(this.territory, this.question);
  }

  header(territory) {
    const header = document.createElement('header');
    const title = text('h2', territory.name);
    title.tabIndex = -1;
    const close = text('button', '×', 'close');
    close.type = 'button';
    close.title = T.panelClose;
    close.setAttribute('aria-label', T.panelClose);
    close.addEventListener('click', () => this.close());
    header.append(text('p', this.view.kindLabel(territory), 'kind'), title, close);
    return header;
  }

  close() {
    this.request++;
    this.element.hidden = true;
    this.element.removeAttribute('data-territory-code');
    this.showAll = false;
    this.onClose();
  }
}

function actionsByAxis(actions, actionControls) {
  const container = document.createElement('div');
  container.className = 'actions';
  if (actions.length === 0) {
    container.append(text('p', T.panelNoAction));
    return container;
  }
  const axes = new Map();
  for (const action of actions) {
    if (!axes.has(action.axis.number)) axes.set(action.axis.number, { axis: action.axis, priorities: new Map() });
    const priorities = axes.get(action.axis.number).priorities;
    if (!priorities.has(action.priority.id)) priorities.set(action.priority.id, { priority: action.priority, actions: [] });
    priorities.get(action.priority.id).actions.push(action);
  }
  for (const { axis, priorities } of [...axes.values()].sort((a, b) => a.axis.number - b.axis.number)) {
    const section = document.createElement('section');
    section.className = `axis axis-${axis.number}`;
    section.append(text('h3', T.panelAxis(axis)));
    for (const { priority, actions: list } of [...priorities.values()].sort((a, b) => a.priority.position - b.priority.position)) {
      section.append(text('h4', priority.title));
      const ul = document.createElement('ul');
      for (const action of list) {
        const li = document.createElement('li');
        li.dataset.actionId = action.id;
        const label = action.parent ? `${action.parent.label} — ${action.label}` : action.label;
        li.append(text('span', label, 'label'));
        if (action.themes.length > 0) {
          li.append(text('span', T.panelThemes + action.themes.map((t) => t.label).join(', '), 'themes'));
        }
        if (action.instrument) li.append(text('span', T.panelInstrument + action.instrument, 'instrument'));
        if (action.note) li.append(text('span', action.note, 'note'));
        if (actionControls) li.append(...actionControls(action));
        ul.append(li);
      }
      section.append(ul);
    }
    container.append(section);
  }
  return container;
}

/** The partner kind of a territory: that of the lines naming a territory of its layer, else by its kind. */
function partnerKind(territory, layerCodes, lines) {
  const codes = new Set(layerCodes);
  const line = lines.find((l) => l.partners.some((p) => p.code === territory.code))
    ?? lines.find((l) => l.partners.some((p) => codes.has(p.code)));
  return line ? line.partnerKind : PARTNER_KIND[territory.kind];
}

function fundingLines(territory, layerCodes, lines) {
  const kind = partnerKind(territory, layerCodes, lines);
  const section = document.createElement('section');
  section.className = 'funding';
  section.append(text('h3', T.panelFunding(T.partnerKinds[kind] ?? '')));
  const mine = lines.filter((line) => line.partnerKind === kind);
  if (mine.length === 0) {
    section.append(text('p', T.panelNoFunding));
    return section;
  }
  const ul = document.createElement('ul');
  for (const line of mine) {
    const li = document.createElement('li');
    const figures = [T.contracts(line.contractCount), T.euros(line.amount)].filter(Boolean).join(' · ');
    li.append(text('span', line.label, 'label'), text('span', figures, 'amount'));
    if (line.partners.some((p) => p.code === territory.code)) li.append(text('span', T.panelPartner, 'partner'));
    if (line.note) li.append(text('span', line.note, 'note'));
    ul.append(li);
  }
  section.append(ul);
  return section;
}
