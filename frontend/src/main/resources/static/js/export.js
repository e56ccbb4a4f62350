// Export of the current view: GeoJSON and CSV of the territories with their matching actions, and a PNG of
// the map drawn from the vector layers on a canvas (tiles are left out: they may be missing or foreign).
import { T } from './strings.js';
import { query } from './graphql.js';
import { COVERAGE_WITH_ACTIONS } from './queries.js';
import { shortName } from './layers.js';
import { legendEntries } from './palette.js';

// `view` is { pacte: its id, subtitle: the footer of the image }; `question` is { theme, axis, text }.

/** The drawn territories with their count and matching actions for the question. */
async function rows(view, layers, question) {
  const data = await query(COVERAGE_WITH_ACTIONS, { pacte: view.pacte, theme: question.theme, axis: question.axis });
  const byCode = new Map(data.coverage.map((c) => [c.territory.code, c]));
  return layers.territories().map((territory) => {
    const coverage = byCode.get(territory.code);
    return { territory, count: coverage ? coverage.actionCount : 0, actions: coverage ? coverage.actions : [] };
  });
}

export async function exportGeoJson(view, layers, question) {
  const features = (await rows(view, layers, question)).map(({ territory, count, actions }) => ({
    type: 'Feature',
    geometry: territory.geometry,
    properties: {
      code: territory.code, name: territory.name, kind: territory.kind, question: question.text, actionCount: count,
      actions: actions.map((a) => ({ id: a.id, label: a.label, axis: a.axis.number, priority: a.priority.title })),
    },
  }));
  download(JSON.stringify({ type: 'FeatureCollection', features }), 'application/geo+json', `${fileName(view, question)}.geojson`);
}

export async function exportCsv(view, layers, question) {
  const lines = [T.csvHeader];
  for (const { territory, count, actions } of await rows(view, layers, question)) {
    const base = [territory.code, territory.name, layers.kindLabel(territory), question.text, count];
    if (actions.length === 0) lines.push([...base, '', '', '', '']);
    for (const a of actions) lines.push([...base, a.id, a.label, a.axis.number, a.priority.title]);
  }
  const csv = lines.map((line) => line.map(csvCell).join(';')).join('\r\n');
  // BOM and semicolons: what spreadsheet software in French opens correctly.
  download(`\ufeff${csv}\r\n`, 'text/csv;charset=utf-8', `${fileName(view, question)}.csv`);
}

function csvCell(value) {
  // A cell starting with = + - @ would run as a formula in a spreadsheet: neutralise it with a quote.
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Draws the visible layers, labels, caption and legend at the map's current view. */
export function exportPng(view, map, layers, question) {
  const size = map.getSize();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = size.x * scale;
  canvas.height = size.y * scale;
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#f4f1ea';
  ctx.fillRect(0, 0, size.x, size.y);

  const trace = (geometry) => {
    ctx.beginPath();
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([lon, lat], i) => {
          const p = map.latLngToContainerPoint([lat, lon]);
          if (i === 0) ctx.moveTo(p.x, p.y);
          else ctx.lineTo(p.x, p.y);
        });
        ctx.closePath();
      }
    }
  };
  const visible = layers.groups.filter((g) => layers.isVisible(g.key));
  for (const group of visible) {
    for (const territory of layers.territoriesOf(group)) {
      const style = layers.style(territory);
      trace(territory.geometry);
      ctx.fillStyle = style.fillColor;
      ctx.globalAlpha = style.fillOpacity;
      ctx.fill('evenodd');
      ctx.globalAlpha = 1;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = style.weight;
      ctx.setLineDash(style.dashArray ? style.dashArray.split(' ').map(Number) : []);
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  layers.outline.eachLayer((layer) => {
    trace(layer.feature.geometry);
    ctx.strokeStyle = '#1a1a1a';
    ctx.lineWidth = 2.5;
    ctx.stroke();
  });

  ctx.font = '600 13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#1a1a1a';
  for (const group of visible) {
    for (const territory of layers.territoriesOf(group)) {
      const p = map.latLngToContainerPoint([territory.labelPoint.lat, territory.labelPoint.lon]);
      ctx.strokeText(shortName(territory), p.x, p.y);
      ctx.fillText(shortName(territory), p.x, p.y);
    }
  }

  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.font = '700 22px system-ui, sans-serif';
  ctx.strokeText(question.text, 16, 14);
  ctx.fillText(question.text, 16, 14);

  const entries = legendEntries(layers.ranges);
  const x = 16;
  let y = size.y - 20 - entries.length * 20;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x - 8, y - 28, 180, entries.length * 20 + 36);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = '700 13px system-ui, sans-serif';
  ctx.fillText(T.legendTitle, x, y - 22);
  ctx.font = '13px system-ui, sans-serif';
  for (const entry of entries) {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(x, y, 16, 14);
    ctx.strokeStyle = '#4d4d4d';
    ctx.lineWidth = 1;
    ctx.strokeRect(x, y, 16, 14);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(entry.text, x + 24, y);
    y += 20;
  }
  ctx.textAlign = 'right';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(`${view.subtitle} · ${T.attribution}`, size.x - 8, size.y - 16);

  canvas.toBlob((blob) => download(blob, 'image/png', `${fileName(view, question)}.png`), 'image/png');
}

function fileName(view, question) {
  return T.fileName(view.pacte, [question.theme ?? T.allActionsFile, question.axis != null ? `axe${question.axis}` : null].filter(Boolean).join('-'));
}

function download(content, type, name) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
