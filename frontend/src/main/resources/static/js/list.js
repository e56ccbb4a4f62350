// The list view: the accessible twin of the map, a table of territories × headline themes with counts.
// Each row carries data-territory-code, and data-active="true" when counted in the current question.
import { T } from './strings.js';
import { text } from './dom.js';

export class ListView {
  /**
   * @param element the <section> holding the table
   * @param territories the territories drawn on the map, in display order
   * @param kindLabel (territory) → what it is called (« Métropole »)
   * @param headline the headline themes, one column each; their counts come with setHeadlineCounts
   * @param onSelect called with a territory when its name is activated
   */
  constructor(element, territories, kindLabel, headline, onSelect) {
    this.element = element;
    this.rows = new Map();
    this.headline = headline;
    const table = document.createElement('table');
    table.append(text('caption', T.listCaption));
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    for (const label of [T.listTerritory, T.listKind, T.listCurrent, ...headline.map((theme) => theme.label)]) {
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
      row.append(name, text('td', kindLabel(territory)), current);
      const headlineCells = headline.map((theme) => text('td', '', 'count headline'));
      row.append(...headlineCells);
      body.append(row);
      this.rows.set(territory.code, { row, current, headlineCells });
    }
    table.append(head, body);
    element.replaceChildren(table);
  }

  /** Fills the column of a headline theme (slug) with its counts (Map code → count). */
  setHeadlineCounts(slug, counts) {
    const index = this.headline.findIndex((theme) => theme.slug === slug);
    if (index < 0) return;
    for (const [code, { headlineCells }] of this.rows) headlineCells[index].textContent = String(counts.get(code) ?? 0);
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
