// The map's vector layers: region outline, departments, metropolises on top, the City of Marseille on top of
// AMP, names at label points. Each shape carries data-territory-code and, when counted, data-active="true".
import { T } from './strings.js';
import { colour } from './palette.js';

/* global L */

export const GROUPS = [
  { key: 'departments', label: T.layerDepartments, zIndex: 410, style: { weight: 1.2, color: '#4d4d4d' } },
  { key: 'metropolises', label: T.layerMetropolises, zIndex: 420, style: { weight: 3.5, color: '#111111' } },
  { key: 'cities', label: T.layerCity, zIndex: 430, style: { weight: 3, color: '#111111', dashArray: '6 4' } },
];

const SELECTED = { color: '#d95f02', weight: 5, dashArray: null };

/** The name shown on the map: aliases (AMP, NCA, TPM) for metropolises, the city's name without « Ville de ». */
export function shortName(territory) {
  if (territory.kind === 'EPCI' && territory.aliases.length > 0) return territory.aliases[0];
  return territory.name;
}

export class TerritoryLayers {
  /**
   * @param map Leaflet map
   * @param shapes { region: [...], departments: [...], metropolises: [...], cities: [...] } territories
   * @param onSelect called with a territory when its shape is clicked
   */
  constructor(map, shapes, onSelect) {
    this.map = map;
    this.byCode = new Map();
    this.counts = new Map();
    this.ranges = [];
    this.selected = null;
    this.groups = new Map();

    map.createPane('outline').style.zIndex = 440;
    map.createPane('labels').style.zIndex = 450;
    map.getPane('outline').style.pointerEvents = 'none';
    map.getPane('labels').style.pointerEvents = 'none';

    this.outline = L.geoJSON(shapes.region.map((t) => t.geometry).filter(Boolean), {
      pane: 'outline', interactive: false, style: { fill: false, color: '#1a1a1a', weight: 2.5 },
    }).addTo(map);

    for (const group of GROUPS) {
      const pane = map.createPane(group.key);
      pane.style.zIndex = group.zIndex;
      // Shapes are focusable: Enter or Space opens the territory's panel, as a click does.
      pane.addEventListener('keydown', (event) => {
        const entry = this.byCode.get(event.target.getAttribute && event.target.getAttribute('data-territory-code'));
        if (entry && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          onSelect(entry.territory);
        }
      });
      const territories = shapes[group.key] ?? [];
      const layer = L.geoJSON(null, { pane: group.key });
      const labels = L.layerGroup();
      for (const territory of territories) {
        if (!territory.geometry) continue;
        const shape = L.geoJSON(territory.geometry, { pane: group.key, style: () => this.style(territory) });
        shape.territory = territory;
        // Leaflet writes a string tooltip as HTML: names come from the imported contour files, so escape them.
        shape.bindTooltip(() => escapeHtml(T.hover(territory.name, this.counts.get(territory.code) ?? 0)), { sticky: true });
        shape.on('click', () => onSelect(territory));
        shape.on('add', () => this.tag(territory));
        layer.addLayer(shape);
        const label = L.marker([territory.labelPoint.lat, territory.labelPoint.lon], {
          pane: 'labels', interactive: false, keyboard: false,
          icon: L.divIcon({ className: `territory-label ${group.key}`, html: `<span>${escapeHtml(shortName(territory))}</span>`, iconSize: null }),
        });
        labels.addLayer(label);
        this.byCode.set(territory.code, { territory, shape, group, label });
      }
      layer.addTo(map);
      labels.addTo(map);
      this.groups.set(group.key, { layer, labels });
    }
    for (const { territory } of this.byCode.values()) this.tag(territory);
  }

  territories() {
    return [...this.byCode.values()].map((entry) => entry.territory);
  }

  style(territory) {
    const entry = this.byCode.get(territory.code);
    const group = entry ? entry.group : GROUPS[0];
    const count = this.counts.get(territory.code) ?? 0;
    const fill = colour(count, this.ranges);
    return {
      ...group.style,
      ...(this.selected === territory.code ? SELECTED : {}),
      fillColor: fill,
      fillOpacity: group.key === 'departments' ? 0.85 : 0.9,
      opacity: 1,
    };
  }

  /** Puts the testability attributes on the territory's SVG path (Leaflet recreates it on every add). */
  tag(territory) {
    const entry = this.byCode.get(territory.code);
    if (!entry) return;
    const count = this.counts.get(territory.code) ?? 0;
    entry.shape.eachLayer((path) => {
      const element = path.getElement && path.getElement();
      if (!element) return;
      element.setAttribute('data-territory-code', territory.code);
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', T.hover(territory.name, count));
      if (count > 0) element.setAttribute('data-active', 'true');
      else element.removeAttribute('data-active');
    });
  }

  /** Colours every shape by its count (codes absent from counts: no action). */
  setCounts(counts, ranges) {
    this.counts = counts;
    this.ranges = ranges;
    for (const { territory, shape } of this.byCode.values()) {
      shape.setStyle(this.style(territory));
      this.tag(territory);
    }
  }

  select(code) {
    const previous = this.selected;
    this.selected = code;
    for (const c of [previous, code]) {
      const entry = c && this.byCode.get(c);
      if (entry) {
        entry.shape.setStyle(this.style(entry.territory));
        if (c === code) entry.shape.bringToFront();
      }
    }
  }

  setVisible(key, visible) {
    const { layer, labels } = this.groups.get(key);
    for (const l of [layer, labels]) {
      if (visible) l.addTo(this.map);
      else l.remove();
    }
  }

  isVisible(key) {
    return this.map.hasLayer(this.groups.get(key).layer);
  }
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
