// Every French string of the map's interface, in one place. What names a region, a pacte, a layer or a
// territory comes from the API (Pacte.title, Pacte.source, MapLayer.label and itemLabel), never from here.

export const T = {
  pageTitle: (title) => `${title} — carte`,
  brand: (region) => `Pacte des solidarités — ${region}`,
  source: (pacte) => `${pacte.title} (${pacte.year}) — ${pacte.source.body}, ${T.date(pacte.source.date)}`,
  subtitle: (source) => `Qui agit sur quoi ? ${source.body}, ${T.date(source.date)}`,
  date: (iso) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`)),
  mapUnavailable: 'Carte indisponible',
  loadFailed: 'La carte n\'a pas pu être chargée : ',
  requestFailed: 'La requête a échoué : ',
  unknownTheme: (slug) => `Thème inconnu « ${slug} » : tous les thèmes sont affichés.`,
  unknownAxis: (n) => `Axe inconnu « ${n} » : tous les axes sont affichés.`,
  unknownTerritory: (code) => `Territoire inconnu « ${code} ».`,
  unknownPacte: (id) => `Pacte inconnu « ${id} ».`,
  noContours: 'Les contours des territoires ne sont pas encore importés : la carte est vide.',

  themeLabel: 'Thème',
  allActions: 'Toutes les actions',
  axisLabel: 'Axe',
  allAxes: 'Tous les axes',
  axisOption: (axis) => `Axe ${axis.number} — ${axis.shortName}`,
  layersLegend: 'Couches',
  listToggle: 'Vue liste',
  mapToggle: 'Vue carte',
  presenter: 'Mode présentation',
  exportLegend: 'Exporter la vue',
  exportGeoJson: 'GeoJSON',
  exportCsv: 'CSV',
  exportPng: 'Image PNG',

  question: (view) => `Qui agit sur ${view} ?`,
  allQuestion: 'Qui agit dans le Pacte ?',
  // Nicer wording of some themes in a question, by slug; any other theme is quoted (themeFallback).
  themePhrase: {
    mobilite: 'la mobilité',
    'precarite-energetique': 'la précarité énergétique',
    alimentation: 'l\'alimentation',
  },
  themeFallback: (label) => `« ${label.toLowerCase()} »`,
  axisPhrase: (axis) => `l'axe ${axis.number} — ${axis.shortName}`,
  inAxis: (axis) => ` (axe ${axis.number})`,

  legendTitle: 'Nombre d\'actions',
  legendNone: 'Aucune action',
  legendRange: (from, to) => (from === to ? `${from}` : `${from} à ${to}`),
  legendOutline: { thick: (name) => `${name} (contour épais)`, dashed: (name) => `${name} (contour pointillé)` },
  emptyResponse: 'réponse vide',
  allActionsFile: 'toutes-actions',
  count: (n) => (n === 0 ? 'aucune action' : n === 1 ? '1 action' : `${n} actions`),
  hover: (name, n) => `${name} — ${T.count(n)}`,
  answersTitle: 'Territoires qui agissent',
  noAnswer: 'Aucun territoire.',

  // What a territory outside every map layer is called (a shape on the map is called by its layer's itemLabel).
  kinds: { REGION: 'Région', DEPARTMENT: 'Département', EPCI: 'Intercommunalité', COMMUNE: 'Commune' },
  partnerKinds: { METROPOLIS: 'métropoles', CITY: 'ville', DEPARTMENT: 'départements', LOCAL_PARTNERS: 'partenaires locaux' },

  panelClose: 'Fermer',
  panelLoading: 'Chargement des actions…',
  panelActionsFiltered: (view) => `Actions sur ${view}`,
  panelActionsAll: 'Toutes ses actions',
  panelShowAll: 'Voir toutes ses actions',
  panelShowFiltered: 'Voir seulement la question en cours',
  panelNoAction: 'Aucune action pour cette question.',
  panelAxis: (axis) => `Axe ${axis.number} — ${axis.title}`,
  panelThemes: 'Thèmes : ',
  panelInstrument: 'Instrument : ',
  panelFunding: (kind) => `Financement : lignes des ${kind}`,
  panelNoFunding: 'Aucune ligne de financement pour ce type de partenaire.',
  panelPartner: 'ce territoire est partenaire',
  contracts: (n) => (n == null ? '' : n === 1 ? '1 contrat' : `${n} contrats`),
  euros: (amount) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount),

  listCaption: 'Territoires et nombre d\'actions par thème phare',
  listTerritory: 'Territoire',
  listKind: 'Type',
  listCurrent: 'Question en cours',

  presenterHelp: 'Flèches : thème ou axe suivant · Échap : quitter',

  live: { connecting: 'Connexion au direct…', live: 'En direct', offline: 'Hors ligne : reconnexion…' },
  updatedAt: (date) => `Carte mise à jour à ${date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}.`,
  updatedBy: (date, actor) => `Carte mise à jour à ${date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`
    + (actor === 'import' ? ' par un import.' : ` par ${actor}.`),
  tilesFailed: 'Fond de carte indisponible : contours et noms restent affichés.',
  attribution: 'Contours : IGN — Admin Express, Etalab',

  csvHeader: ['code', 'territoire', 'type', 'question', 'nombre_actions', 'action_id', 'action', 'axe', 'orientation'],
  fileName: (pacte, view) => `pacte-carto-${pacte}-${view}`,
};
