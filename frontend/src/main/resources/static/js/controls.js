// The controls: theme selector, axis filter, layer toggles, list/presenter/export buttons.
import { T } from './strings.js';
import { text } from './dom.js';

/**
 * @param element the <form> holding the controls
 * @param themes themes as the API orders them (headline first)
 * @param axes the axes of the pacte
 * @param groups the map's layers, bottom first (groupsOf in layers.js): one toggle each, named by its label
 * @param actions { onQuestion(theme, axis), onLayer(key, visible), onList(), onPresenter(), onExport(format) }
 */
export class Controls {
  constructor(element, themes, axes, groups, actions) {
    this.element = element;
    element.addEventListener('submit', (event) => event.preventDefault());

    this.theme = select('theme', [['', T.allActions], ...themes.map((t) => [t.slug, t.label])]);
    this.axis = select('axis', [['', T.allAxes], ...axes.map((a) => [String(a.number), T.axisOption(a)])]);
    const changed = () => actions.onQuestion(this.theme.value || null, this.axis.value ? Number(this.axis.value) : null);
    this.theme.addEventListener('change', changed);
    this.axis.addEventListener('change', changed);

    const layers = document.createElement('fieldset');
    layers.className = 'layers';
    layers.append(text('legend', T.layersLegend));
    this.layerBoxes = new Map();
    for (const group of groups) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.name = `layer-${group.key}`;
      box.addEventListener('change', () => actions.onLayer(group.key, box.checked));
      label.append(box, ` ${group.label}`);
      layers.append(label);
      this.layerBoxes.set(group.key, box);
    }

    this.listButton = button('list-toggle', T.listToggle, actions.onList);
    this.listButton.setAttribute('aria-controls', 'list-view');
    this.listButton.setAttribute('aria-expanded', 'false');
    const presenter = button('presenter-toggle', T.presenter, actions.onPresenter);

    const exports = document.createElement('fieldset');
    exports.className = 'exports';
    exports.append(text('legend', T.exportLegend),
      button('export-geojson', T.exportGeoJson, () => actions.onExport('geojson')),
      button('export-csv', T.exportCsv, () => actions.onExport('csv')),
      button('export-png', T.exportPng, () => actions.onExport('png')));

    element.replaceChildren(labelled(T.themeLabel, this.theme), labelled(T.axisLabel, this.axis), layers,
      this.listButton, presenter, exports);
  }

  show(theme, axis) {
    this.theme.value = theme ?? '';
    this.axis.value = axis != null ? String(axis) : '';
  }

  setListOpen(open) {
    this.listButton.textContent = open ? T.mapToggle : T.listToggle;
    this.listButton.setAttribute('aria-expanded', String(open));
  }
}

function select(id, options) {
  const element = document.createElement('select');
  element.id = id;
  element.name = id;
  for (const [value, label] of options) {
    const option = text('option', label);
    option.value = value;
    element.append(option);
  }
  return element;
}

function labelled(label, control) {
  const wrapper = document.createElement('label');
  wrapper.className = 'field';
  wrapper.htmlFor = control.id;
  wrapper.append(text('span', label), control);
  return wrapper;
}

function button(id, label, onClick) {
  const element = text('button', label);
  element.type = 'button';
  element.id = id;
  element.addEventListener('click', onClick);
  return element;
}
