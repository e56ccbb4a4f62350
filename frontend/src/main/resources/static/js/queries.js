// The GraphQL documents the page sends, written against schema/*.graphqls.

/** Headline themes of the list view (the contract names them: Theme.headline). */
export const HEADLINE_THEMES = ['mobilite', 'precarite-energetique', 'alimentation'];

const COUNTS = 'territory { code name kind } actionCount';

/** The whole first view in one request: shapes, themes, axes, the current question and the list's counts. */
export const FIRST_VIEW = `
query FirstView($theme: String, $axis: Int) {
  themes { slug label headline }
  axes { number shortName title }
  region: territories(filter: { kinds: [REGION] }) { ...Shape }
  departments: territories(filter: { kinds: [DEPARTMENT] }) { ...Shape }
  metropolises: territories(filter: { codes: ["AMP", "NCA", "TPM"] }) { ...Shape }
  cities: territories(filter: { codes: ["13055"] }) { ...Shape }
  coverage(theme: $theme, axis: $axis) { ${COUNTS} }
  ${HEADLINE_THEMES.map((slug, i) => `headline${i}: coverage(theme: "${slug}") { ${COUNTS} }`).join('\n  ')}
}
fragment Shape on Territory {
  code name kind aliases
  labelPoint { lon lat }
  geometry(zoom: 8)
}`;

export const COVERAGE = `
query Coverage($theme: String, $axis: Int) {
  coverage(theme: $theme, axis: $axis) { ${COUNTS} }
}`;

export const COVERAGE_WITH_ACTIONS = `
query CoverageActions($theme: String, $axis: Int) {
  coverage(theme: $theme, axis: $axis) {
    ${COUNTS}
    actions { id label axis { number } priority { title } }
  }
}`;

export const TERRITORY_PANEL = `
query TerritoryPanel($code: ID!, $kind: TerritoryKind, $theme: String, $axis: Int) {
  territory(code: $code, kind: $kind) {
    code name kind
    actions(theme: $theme, axis: $axis) {
      id label category instrument note
      axis { number shortName title }
      priority { id position title }
      parent { id label }
      themes { slug label }
    }
  }
  funding {
    lines { id instrument label partnerKind contractCount amount note partners { code } }
  }
}`;
