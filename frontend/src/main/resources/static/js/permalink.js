// The view in the URL: pacte=<id> (absent: the service's default pacte), theme=<slug>, axis=<n>,
// territory=<code>, lat, lon, zoom. Reloading restores it; the page writes the id of the pacte it shows, so
// that a permalink keeps naming the same pacte when the default changes.

export function readPermalink(search = window.location.search) {
  const params = new URLSearchParams(search);
  const number = (name) => {
    const value = params.get(name);
    return value != null && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
  };
  const axis = number('axis');
  const lat = number('lat');
  const lon = number('lon');
  const zoom = number('zoom');
  return {
    pacte: params.get('pacte') || null,
    theme: params.get('theme') || null,
    axis: axis != null && Number.isInteger(axis) ? axis : null,
    territory: params.get('territory') || null,
    centre: lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null,
    zoom: zoom != null && zoom >= 0 && zoom <= 20 ? zoom : null,
  };
}

/** Replaces the URL (no new history entry) with the given view; null fields are left out. */
export function writePermalink({ pacte, theme, axis, territory, centre, zoom }) {
  const params = new URLSearchParams();
  if (pacte) params.set('pacte', pacte);
  if (theme) params.set('theme', theme);
  if (axis != null) params.set('axis', String(axis));
  if (territory) params.set('territory', territory);
  if (centre) {
    params.set('lat', centre.lat.toFixed(4));
    params.set('lon', centre.lon.toFixed(4));
  }
  if (zoom != null) params.set('zoom', String(zoom));
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', url);
  }
}
