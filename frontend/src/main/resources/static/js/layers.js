// The map's vector layers: the region's outline, then the pacte's map layers as the API gives them, bottom
// first (in PACA: departments, metropolises on top, the City of Marseille on top of AMP), names at label
// points. A layer's look comes from its position: the bottom one thin outlines, the next thick, any higher
// one dashed. Each shape carries data-territory-code, data-layer (its layer's key) and, when counted,
// data-active="true"; the region's outline carries data-region-code.
import { T } from './strings.js';
import { colour } from './palette.js';

/* global L */

const OUTLINES = {
  thin: { weight: 1.2, color: '#4d4d4d' },
  thick: { weight: 3.5, color: '#111111' },
  dashed: { weight: 3, color: '#111111', dashArray: '6 4' },
};

const SELECTED = { color: '#d95f02', weight: 5, dashArray: null };

/** The outline of the layer at this position (0: bottom). */
export function outlineAt(position) {
  return position === 0 ? 'thin' : position === 1 ? 'thick' : 'dashed';
}

/**
 * The map's groups from the pacte's mapLayers (bottom first): { key, label, itemLabel, outline, pane, zIndex,
 * style, territories } with the territories sorted by their first alias (AMP, NCA, TPM), else by code.
 */
export function groupsOf(mapLayers) {
  const sortKey = (t) => t.aliases[0] ?? t.code;
  return mapLayers.map((layer, position) => ({
    key: layer.key,
    label: layer.label,
    itemLabel: layer.itemLabel,
    outline: outlineAt(position),
    pane: `layer-${position}`,
    zIndex: 410 + 10 * position,
    style: OUTLINES[outlineAt(position)],
    fillOpacity: position === 0 ? 0.85 : 0.9,
    territories: [...layer.territories].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
  }));
}

/** The name shown on the map: its alias for an EPCI the pacte names so (AMP, NCA, TPM), otherwise its name. */
export function shortName(territory) {
  if (territory.kind === 'EPCI' && territory.aliases.length > 0) return territory.aliases[0];
  return territory.name;
}

export class TerritoryLayers {
  /**
   * @param map Leaflet map
   * @param region the pacte's region (a territory with its geometry) or null
   * @param groups the groups of groupsOf(pacte.mapLayers), bottom first
   * @param onSelect called with a territory when its shape is clicked
   */
  constructor(map, region, groups, onSelect) {
    this.map = map;
    this.groups = groups;
    this.byCode = new Map();
    this.counts = new Map();
    this.ranges = [];
    this.selected = null;
    this.drawn = new Map();

    map.createPane('outline').style.zIndex = 440;
    map.createPane('labels').style.zIndex = 450;
    map.getPane('outline').style.pointerEvents = 'none';
    map.getPane('labels').style.pointerEvents = 'none';

    this.outline = L.geoJSON(region && region.geometry ? [region.geometry] : [], {
      pane: 'outline', interactive: false, style: { fill: false, color: '#1a1a1a', weight: 2.5 },
    }).addTo(map);
    this.outline.eachLayer((path) => {
      const element = path.getElement && path.getElement();
      if (element) element.setAttribute('data-region-code', region.code);
    });

    for (const group of groups) {
      const pane = map.createPane(group.pane);
      pane.style.zIndex = group.zIndex;
      // Shapes are focusable: Enter or Space opens the territory's panel, as a click does.
      pane.addEventListener('keydown', (event) => {
        const entry = this.byCode.get(event.target.getAttribute && event.target.getAttribute('data-territory-code'));
        if (entry && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          onSelect(entry.territory);
        }
      });
      const layer = L.geoJSON(null, { pane: group.pane });
      const labels = L.layerGroup();
      for (const territory of group.territories) {
        if (!territory.geometry || this.byCode.has(territory.code)) continue;
        const shape = L.geoJSON(territory.geometry, { pane: group.pane, style: () => this.style(territory) });
        shape.territory = territory;
        // Leaflet writes a string tooltip as HTML: names come from the imported contour files, so escape them.
        shape.bindTooltip(() => escapeHtml(T.hover(territory.name, this.counts.get(territory.code) ?? 0)), { sticky: true });
        shape.on('click', () => onSelect(territory));
        shape.on('add', () => this.tag(territory));
        layer.addLayer(shape);
        const label = L.marker([territory.labelPoint.lat, territory.labelPoint.lon], {
          pane: 'labels', interactive: false, keyboard: false,
          icon: L.divIcon({ className: `territory-label ${group.outline}`, html: `<span>${escapeHtml(shortName(territory))}</span>`, iconSize: null }),
        });
        labels.addLayer(label);
        this.byCode.set(territory.code, { territory, shape, group, label });
      }
      layer.addTo(map);
      labels.addTo(map);
      this.drawn.set(group.key, { layer, labels });
    }
    for (const { territory } of this.byCode.values()) this.tag(territory);
  }

  /** The drawn territories, bottom layer first. */
  territories() {
    return [...this.byCode.values()].map((entry) => entry.territory);
  }

  /** The drawn territories of one group. */
  territoriesOf(group) {
    return [...this.byCode.values()].filter((entry) => entry.group === group).map((entry) => entry.territory);
  }

  /** The group a drawn territory belongs to (undefined for one not on the map). */
  groupOf(code) {
    const entry = this.byCode.get(code);
    return entry && entry.group;
  }

  /** What the territory is called: its layer's itemLabel (« Métropole »), else its kind's generic name. */
  kindLabel(territory) {
    const group = this.groupOf(territory.code);
    return group ? group.itemLabel : (T.kinds[territory.kind] ?? territory.kind);
  }

  style(territory) {
    const entry = this.byCode.get(territory.code);
    const group = entry ? entry.group : this.groups[0];
    const count = this.counts.get(territory.code) ?? 0;
    return {
      ...(group ? group.style : OUTLINES.thin),
      ...(this.selected === territory.code ? SELECTED : {}),
      fillColor: colour(count, this.ranges),
      fillOpacity: group ? group.fillOpacity : 0.85,
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
      element.setAttribute('data-layer', entry.group.key);
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
    const { layer, labels } = this.drawn.get(key);
    for (const l of [layer, labels]) {
      if (visible) l.addTo(this.map);
      else l.remove();
    }
  }

  isVisible(key) {
    return this.map.hasLayer(this.drawn.get(key).layer);
  }
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
