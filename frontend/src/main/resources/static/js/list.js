// The list view: the accessible twin of the map, a table of territories × headline themes with counts.
// Each row carries data-territory-code, and data-active="true" when counted in the current question.
import { T } from './strings.js';
import { text } from './dom.js';

export class ListView {
  /**
   * @param element the <section> holding the table
   * @param territories the territories drawn on the map, in display order
   * @param headline [{ theme, counts: Map(code → count) }] for the headline themes
   * @param onSelect called with a territory when its name is activated
   */
  constructor(element, territories, headline, onSelect) {
    this.element = element;
    this.rows = new Map();
    const table = document.createElement('table');
    table.append(text('caption', T.listCaption));
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    for (const label of [T.listTerritory, T.listKind, T.listCurrent, ...headline.map((h) => h.theme.label)]) {
      const th = text('th', label);
      th.scope = 'col';
      headRow.append(th);
    }
    this.currentHeader = headRow.children[2];
    head.append(headRow);
    const body = document.createElement('tbody');
    for (const territory of territories) {
      const row = document.createElement('tr');
      row.setAttribute('data-territory-code', territory.code);
      const name = document.createElement('th');
      name.scope = 'row';
      const button = text('button', territory.name, 'link');
      button.type = 'button';
      button.addEventListener('click', () => onSelect(territory));
      name.append(button);
      const current = text('td', '', 'count current');
      row.append(name, text('td', T.kinds[territory.kind] ?? territory.kind), current);
      for (const h of headline) row.append(text('td', String(h.counts.get(territory.code) ?? 0), 'count'));
      body.append(row);
      this.rows.set(territory.code, { row, current });
    }
    table.append(head, body);
    element.replaceChildren(table);
  }

  /** Shows the current question's counts and marks the counted rows. */
  setCounts(counts, questionText) {
    this.currentHeader.textContent = `${T.listCurrent} : ${questionText}`;
    for (const [code, { row, current }] of this.rows) {
      const count = counts.get(code) ?? 0;
      current.textContent = String(count);
      if (count > 0) row.setAttribute('data-active', 'true');
      else row.removeAttribute('data-active');
    }
  }
}
