// Colours by action count: a sequential, colour-blind-safe ramp (viridis, light to dark) and its legend.
import { T } from './strings.js';

export const NEUTRAL = '#d9d9d9';
const RAMP = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487'];

/** Classes [from, to] covering 1..max: one per count when few, otherwise up to five equal ranges. */
export function classes(max) {
  if (max <= 0) return [];
  const n = Math.min(RAMP.length, max);
  const result = [];
  let from = 1;
  for (let i = 1; i <= n; i++) {
    const to = Math.round((max * i) / n);
    if (to >= from) result.push([from, to]);
    from = to + 1;
  }
  return result;
}

export function colour(count, ranges) {
  if (!count) return NEUTRAL;
  const index = ranges.findIndex(([, to]) => count <= to);
  const offset = RAMP.length - ranges.length; // few classes: use the darker, more distinct end
  return RAMP[offset + (index < 0 ? ranges.length - 1 : index)];
}

/** The legend as entries {colour, text}, neutral first. */
export function legendEntries(ranges) {
  return [
    { colour: NEUTRAL, text: T.legendNone },
    ...ranges.map(([from, to]) => ({ colour: colour(to, ranges), text: T.legendRange(from, to) })),
  ];
}

/**
 * The legend's entries for the outlines of the layers above the bottom one: { outline, text }, « Métropole
 * (contour épais) ». A layer of one shape is named by its label (« Ville de Marseille »), others by what one
 * of their shapes is called.
 */
export function outlineEntries(groups) {
  return groups.filter((group) => group.outline !== 'thin').map((group) => ({
    outline: group.outline,
    text: T.legendOutline[group.outline](group.territories.length === 1 ? group.label : group.itemLabel),
  }));
}

/** Renders the legend: the colour classes of `ranges`, then the outlines ([{ outline, text }]). */
export function renderLegend(element, ranges, outlines) {
  element.replaceChildren();
  const title = document.createElement('h2');
  title.textContent = T.legendTitle;
  const list = document.createElement('ul');
  for (const entry of legendEntries(ranges)) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = entry.colour;
    item.append(swatch, entry.text);
    list.append(item);
  }
  for (const { outline, text } of outlines) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch outline ${outline}`;
    item.append(swatch, text);
    list.append(item);
  }
  element.append(title, list);
}
