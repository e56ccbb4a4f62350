-- The Pacte des solidarités PACA 2024, encoded from the CAR Pauvreté slides of 24 July 2024
-- (seed/pacte-solidarites-paca-2024.md). Wording is kept as written; where the text is ambiguous the
-- reading made is recorded in a `note` column. Territory codes are stored exactly as cited (`cited_as`) and
-- resolved to imported territories at query time: this runs before any territory exists, hence no foreign key.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE pacte_source (
    title text NOT NULL,
    body  text NOT NULL,
    date  date NOT NULL
);
INSERT INTO pacte_source VALUES ('PACTE DES SOLIDARITÉS en région PACA', 'CAR Pauvreté', DATE '2024-07-24');

CREATE TABLE pacte_axis (
    number     integer PRIMARY KEY,
    short_name text NOT NULL,
    title      text NOT NULL,
    note       text
);
INSERT INTO pacte_axis VALUES
    (1, 'Enfance', 'Prévenir la pauvreté et lutter contre les inégalités dès l''enfance', NULL),
    (2, 'Emploi', 'Sortir de la pauvreté par l''activité et l''emploi', NULL),
    (3, 'Accès aux droits', 'Lutter contre la grande exclusion grâce à l''accès aux droits', NULL),
    (4, 'Transition écologique solidaire', 'Construire une transition écologique solidaire',
     'Unlike axes 1 to 3, the slide of axe 4 has no short heading: the short name is taken from its title '
     || '(the national pacte is called « Transition solidaire »).');

CREATE TABLE pacte_priority (
    id          text PRIMARY KEY,
    axis_number integer NOT NULL REFERENCES pacte_axis,
    position    integer NOT NULL,
    title       text NOT NULL,
    UNIQUE (axis_number, position)
);
INSERT INTO pacte_priority VALUES
    ('axe1-p1', 1, 1, 'LUTTER CONTRE LES INÉGALITÉS DÈS L''ENFANCE'),
    ('axe1-p2', 1, 2, 'PRÉVENIR LE DÉCROCHAGE SCOLAIRE DES ADOLESCENTS (11 – 15 ANS)'),
    ('axe1-p3', 1, 3, 'ACCOMPAGNER LES JEUNES PRÉCAIRES VERS L''AUTONOMIE (16 – 25 ANS)'),
    ('axe2-p1', 2, 1, 'PRENDRE EN CHARGE LA LEVÉE DES OBSTACLES SOCIAUX À L''ACCÈS À L''EMPLOI DES PUBLICS QUI EN SONT LE PLUS ÉLOIGNÉS'),
    ('axe2-p2', 2, 2, 'CIBLER LES PUBLICS LES PLUS FRAGILES OU RENCONTRANT DES PROBLÉMATIQUES SPÉCIFIQUES ET RENFORCER LES CAPACITÉS DE REPÉRAGE ET D''UN ACCOMPAGNEMENT ADAPTÉ À LEURS PROBLÉMATIQUES'),
    ('axe3-p1', 3, 1, 'ACCÉDER AUX DROITS SOCIAUX ET À LA SANTÉ POUR PRÉVENIR LA BASCULE DANS LA PAUVRETÉ'),
    ('axe3-p2', 3, 2, 'PRÉVENIR LES EXPULSIONS LOCATIVES'),
    ('axe3-p3', 3, 3, 'ACCOMPAGNER LES PERSONNES VIEILLISSANTES ET LES GRANDS PRÉCAIRES'),
    ('axe4-p1', 4, 1, 'LUTTER CONTRE LES INÉGALITÉS D''ACCÈS À LA MOBILITÉ pour permettre un meilleur accès ou maintien dans l''emploi et sortir durablement de l''exclusion des publics vulnérables'),
    ('axe4-p2', 4, 2, 'RENFORCER LE SOUTIEN DES PUBLICS EN SITUATION DE PRÉCARITÉ ÉNERGÉTIQUE'),
    ('axe4-p3', 4, 3, 'L''ACCÈS À UNE ALIMENTATION DURABLE POUR TOUS');

CREATE TABLE pacte_theme (
    slug     text PRIMARY KEY,
    label    text NOT NULL,
    headline boolean NOT NULL,
    position integer NOT NULL UNIQUE
);
INSERT INTO pacte_theme VALUES
    ('mobilite', 'Mobilité', true, 1),
    ('precarite-energetique', 'Précarité énergétique', true, 2),
    ('alimentation', 'Alimentation', true, 3),
    ('parentalite', 'Parentalité', false, 4),
    ('petite-enfance', 'Petite enfance', false, 5),
    ('education', 'Décrochage scolaire', false, 6),
    ('jeunesse', 'Jeunesse', false, 7),
    ('sante', 'Santé', false, 8),
    ('emploi', 'Emploi et insertion', false, 9),
    ('garde-enfant', 'Garde d''enfant', false, 10),
    ('logement', 'Logement', false, 11),
    ('acces-aux-droits', 'Accès aux droits', false, 12),
    ('numerique', 'Numérique', false, 13),
    ('grande-exclusion', 'Grande exclusion', false, 14);

-- `position` is the document's reading order over all actions, sub-actions right after their parent.
CREATE TABLE pacte_action (
    id          text PRIMARY KEY,
    position    integer NOT NULL UNIQUE,
    priority_id text NOT NULL REFERENCES pacte_priority,
    parent_id   text REFERENCES pacte_action,
    label       text NOT NULL,
    category    text,
    instrument  text,
    cited_as    text[] NOT NULL,
    note        text
);
CREATE INDEX pacte_action_cited_idx ON pacte_action USING gin (cited_as);

INSERT INTO pacte_action VALUES
    ('axe1-p1-a1', 101, 'axe1-p1', NULL, 'Soutien à la parentalité, notamment familles monoparentales et jeunes', NULL, NULL, '{}',
     'The territories are given for its two sub-actions only.'),
    ('axe1-p1-a1-s1', 102, 'axe1-p1', 'axe1-p1-a1', 'à partir de Eveil culturel et Santé (dont santé mentale)', NULL, NULL, '{06,NCA,13}', NULL),
    ('axe1-p1-a1-s2', 103, 'axe1-p1', 'axe1-p1-a1', 'en lien éventuel avec le renforcement de l''offre d''accueil ou/et de préscolarisation', NULL, NULL, '{VdM,83,84}', NULL),
    ('axe1-p1-a2', 104, 'axe1-p1', NULL, 'Renforcement de l''accompagnement social dans les structures d''accueil, en direction des mères isolées (enfants de moins de 3 ans)', NULL, NULL, '{13,83,TPM}', NULL),
    ('axe1-p1-a3', 105, 'axe1-p1', NULL, 'Actions articulées avec le SDFS', NULL, NULL, '{06,13}', NULL),
    ('axe1-p2-a1', 111, 'axe1-p2', NULL, 'Renforcement de la lutte contre le décrochage scolaire, par des actions de médiation, mentorat, apprentissage', NULL, NULL, '{04,05,NCA,84,AMP}', NULL),
    ('axe1-p2-a2', 112, 'axe1-p2', NULL, 'Actions pédagogiques dans et hors les murs pour ouvrir les horizons', NULL, NULL, '{AMP,84}', NULL),
    ('axe1-p3-a1', 121, 'axe1-p3', NULL, 'Prévention spécialisée', NULL, NULL, '{NCA,13}', NULL),
    ('axe1-p3-a2', 122, 'axe1-p3', NULL, 'Santé mentale', NULL, NULL, '{05}', NULL),
    ('axe1-p3-a3', 123, 'axe1-p3', NULL, 'Appui dans la recherche de logement', NULL, NULL, '{84}', NULL),
    ('axe1-p3-a4', 124, 'axe1-p3', NULL, 'Création d''un fonds jeunesse', NULL, NULL, '{AMP}', NULL),

    ('axe2-p1-a1', 201, 'axe2-p1', NULL, 'Pour les CD (Convention Insertion Emploi - volet 2) et les Métropoles (Contrat local des solidarités), actions de levée des freins dans trois catégories', NULL,
     'CEI volet 2 (CD) ; CLS (Métropoles)', '{}',
     'The document writes « Convention Insertion Emploi - volet 2 » here and « Conventions emploi insertion » on the contractualisation slide: read as the same instrument, the CEI. The territories are given per category (sub-actions).'),
    ('axe2-p1-a1-mobilite', 202, 'axe2-p1', 'axe2-p1-a1', 'Mobilité', 'Mobilité', NULL, '{13,83,84}', NULL),
    ('axe2-p1-a1-garde-enfant', 203, 'axe2-p1', 'axe2-p1-a1', 'Garde d''enfant', 'Garde d''enfant', NULL, '{84,VdM,TPM}',
     'VdM (the Ville de Marseille) is cited although the parent bullet names only the CD and the Métropoles: kept as cited; the document does not say under which instrument (the Ville has its own CLS).'),
    ('axe2-p1-a1-sante', 204, 'axe2-p1', 'axe2-p1-a1', 'Santé', 'Santé', NULL, '{06,13,84,AMP,TPM}', NULL),
    ('axe2-p1-a2', 205, 'axe2-p1', NULL, 'Pour les métropoles, élargissement à la question du logement', 'Logement', NULL, '{TPM,NCA}',
     'A bullet of its own in the document, not one of the three categories: it widens the levée des freins to housing for the metropolises. Recorded as a top-level action with category Logement; the instrument is not written on this line.'),
    ('axe2-p2-a1', 211, 'axe2-p2', NULL, 'Orientation et accompagnement global des personnes bRSA (poursuite du socle CALPAE, obligatoire pour tous)', NULL, NULL, '{}',
     'No territory is cited: « obligatoire pour tous » does not say who « tous » are, so the action is linked to no territory.'),
    ('axe2-p2-a2', 212, 'axe2-p2', NULL, 'Accompagnement au retour vers l''emploi des personnes les plus éloignées (détenus, personnes à la rue, séniors...)', NULL, 'CEI', '{TPM,VDM,AMP}',
     'The line ends with « (CEI) » while it cites two metropolises and the Ville de Marseille (VDM, a commune), whereas the CEI are signed with the departments: instrument and territories kept as written.'),
    ('axe2-p2-a3', 213, 'axe2-p2', NULL, 'Pour les métropoles, accent mis sur le renforcement de dispositifs, notamment en direction des jeunes ou sur des approches métiers', NULL, NULL, '{TPM,VDM,AMP}',
     '« Pour les métropoles » yet VDM (the Ville de Marseille, a commune) is cited with TPM and AMP: kept as cited, resolved to the commune.'),

    ('axe3-p1-a1', 301, 'axe3-p1', NULL, 'Coordination accès aux droits', NULL, NULL, '{05,06,VdM,83,TPM}', NULL),
    ('axe3-p1-a2', 302, 'axe3-p1', NULL, 'Lutte contre la fracture numérique', NULL, NULL, '{06,AMP,84,NCA}', NULL),
    ('axe3-p1-a3', 303, 'axe3-p1', NULL, 'Accès aux droits et santé', NULL, NULL, '{06,13,83,TPM,05,VDM,TPM}',
     'TPM is cited twice in the document: both citations kept in citedAs, the territory counted once.'),
    ('axe3-p1-a4', 304, 'axe3-p1', NULL, 'Bilan global des droits', NULL, NULL, '{83}', NULL),
    ('axe3-p2-a1', 311, 'axe3-p2', NULL, 'Renforcement des actions existantes (prévention des impayés...)', NULL, NULL, '{AMP}', NULL),
    ('axe3-p2-a2', 312, 'axe3-p2', NULL, 'Coordination CCAPEX', NULL, NULL, '{04,NCA,AMP,84}', NULL),
    ('axe3-p3-a1', 321, 'axe3-p3', NULL, 'Renforcement de l''accompagnement et accès aux droits grands précaires', NULL, NULL, '{05,06,13,VdM,84}', NULL),
    ('axe3-p3-a2', 322, 'axe3-p3', NULL, 'Pour VdM et AMP, actions en direction des personnes sans domicile fixe, ou hébergées, ou vivant en squats et bidonvilles', NULL, NULL, '{VdM,AMP}',
     'The territories are named in the sentence (« Pour VdM et AMP »), not in parentheses: recorded as cited.'),

    ('axe4-p1-a1', 401, 'axe4-p1', NULL, 'Solutions de mobilité solidaire : auto-écoles, garages solidaires, vélos', NULL, NULL, '{04,05,06,NCA,83}', NULL),
    ('axe4-p1-a2', 402, 'axe4-p1', NULL, 'Plateformes : diagnostic, orientation, mise à disposition', NULL, NULL, '{04,05,06,83}',
     'Written « Plateformes (04, 05, 06, 83) : diagnostic, orientation, mise à disposition »: the codes sit between the word and its detail; the wording is kept without them. The document does not say which platforms; under this heading, mobility platforms.'),
    ('axe4-p1-a3', 403, 'axe4-p1', NULL, 'Ingénierie en lien avec les PAMS', NULL, NULL, '{84}', NULL),
    ('axe4-p2-a1', 411, 'axe4-p2', NULL, 'Renforcement des dispositifs dédiés', NULL, NULL, '{}',
     'One bullet in the document: « Renforcement des dispositifs dédiés : SLIME (04, 84), autres dispositifs (04, NCA, AMP), plateforme (NCA, TPM) »; split into three sub-actions, one per group of codes.'),
    ('axe4-p2-a1-slime', 412, 'axe4-p2', 'axe4-p2-a1', 'SLIME', 'SLIME', NULL, '{04,84}', NULL),
    ('axe4-p2-a1-autres', 413, 'axe4-p2', 'axe4-p2-a1', 'autres dispositifs', 'Autres dispositifs', NULL, '{04,NCA,AMP}', NULL),
    ('axe4-p2-a1-plateforme', 414, 'axe4-p2', 'axe4-p2-a1', 'plateforme', 'Plateforme', NULL, '{NCA,TPM}', NULL),
    ('axe4-p2-a2', 415, 'axe4-p2', NULL, 'Référents en MDS', NULL, NULL, '{13}', NULL),
    ('axe4-p2-a3', 416, 'axe4-p2', NULL, 'Auto-réhabilitation accompagnée', NULL, NULL, '{04,13,AMP}', NULL),
    ('axe4-p2-a4', 417, 'axe4-p2', NULL, 'FSL Energie', NULL, NULL, '{NCA}', NULL),
    ('axe4-p3-a1', 421, 'axe4-p3', NULL, 'Mutualisation des moyens', NULL, NULL, '{TPM,84}', NULL),
    ('axe4-p3-a2', 422, 'axe4-p3', NULL, 'Création d''une BA dans le 05', NULL, NULL, '{05}',
     'The territory is in the sentence (« dans le 05 »), not in parentheses: recorded as cited. BA: banque alimentaire.'),
    ('axe4-p3-a3', 423, 'axe4-p3', NULL, 'Aides structurelles, dont plateformes', NULL, NULL, '{NCA,AMP,VdM,TPM,83}',
     'Written « (NCA, AMP VdM, TPM, 83) », with no comma between AMP and VdM: read as two codes, AMP and VdM.');

CREATE TABLE pacte_action_theme (
    action_id  text NOT NULL REFERENCES pacte_action,
    theme_slug text NOT NULL REFERENCES pacte_theme,
    PRIMARY KEY (action_id, theme_slug)
);
INSERT INTO pacte_action_theme (action_id, theme_slug)
SELECT v.action_id, unnest(v.themes)
FROM (VALUES
    ('axe1-p1-a1', '{parentalite}'::text[]),
    ('axe1-p1-a1-s1', '{parentalite,sante}'),
    ('axe1-p1-a1-s2', '{parentalite,petite-enfance}'),
    ('axe1-p1-a2', '{parentalite,petite-enfance}'),
    ('axe1-p1-a3', '{parentalite}'),
    ('axe1-p2-a1', '{education}'),
    ('axe1-p2-a2', '{education}'),
    ('axe1-p3-a1', '{jeunesse}'),
    ('axe1-p3-a2', '{jeunesse,sante}'),
    ('axe1-p3-a3', '{jeunesse,logement}'),
    ('axe1-p3-a4', '{jeunesse}'),
    ('axe2-p1-a1', '{emploi}'),
    ('axe2-p1-a1-mobilite', '{emploi,mobilite}'),
    ('axe2-p1-a1-garde-enfant', '{emploi,garde-enfant}'),
    ('axe2-p1-a1-sante', '{emploi,sante}'),
    ('axe2-p1-a2', '{emploi,logement}'),
    ('axe2-p2-a1', '{emploi}'),
    ('axe2-p2-a2', '{emploi,grande-exclusion}'),
    ('axe2-p2-a3', '{emploi,jeunesse}'),
    ('axe3-p1-a1', '{acces-aux-droits}'),
    ('axe3-p1-a2', '{acces-aux-droits,numerique}'),
    ('axe3-p1-a3', '{acces-aux-droits,sante}'),
    ('axe3-p1-a4', '{acces-aux-droits}'),
    ('axe3-p2-a1', '{logement}'),
    ('axe3-p2-a2', '{logement}'),
    ('axe3-p3-a1', '{acces-aux-droits,grande-exclusion}'),
    ('axe3-p3-a2', '{grande-exclusion}'),
    ('axe4-p1-a1', '{mobilite}'),
    ('axe4-p1-a2', '{mobilite}'),
    ('axe4-p1-a3', '{mobilite}'),
    ('axe4-p2-a1', '{precarite-energetique}'),
    ('axe4-p2-a1-slime', '{precarite-energetique}'),
    ('axe4-p2-a1-autres', '{precarite-energetique}'),
    ('axe4-p2-a1-plateforme', '{precarite-energetique}'),
    ('axe4-p2-a2', '{precarite-energetique}'),
    ('axe4-p2-a3', '{precarite-energetique,logement}'),
    ('axe4-p2-a4', '{precarite-energetique,logement}'),
    ('axe4-p3-a1', '{alimentation}'),
    ('axe4-p3-a2', '{alimentation}'),
    ('axe4-p3-a3', '{alimentation}')
) AS v(action_id, themes);

-- The contractualisation slide. The document states no total: `Funding.total` is the sum of the lines.
CREATE TABLE pacte_funding (
    currency text NOT NULL,
    note     text
);
INSERT INTO pacte_funding VALUES ('EUR',
    'The slide ends with « DROIT COMMUN » with no figure: it is not a funding line. The document gives no total; '
    || 'the total is the sum of the five lines, the 1 290 000 € of State credits for the Pactes locaux included.');

CREATE TABLE pacte_funding_line (
    id             text PRIMARY KEY,
    position       integer NOT NULL UNIQUE,
    instrument     text NOT NULL CHECK (instrument IN ('CLS', 'CEI', 'PACTE_LOCAL')),
    label          text NOT NULL,
    partner_kind   text NOT NULL CHECK (partner_kind IN ('METROPOLIS', 'CITY', 'DEPARTMENT', 'LOCAL_PARTNERS')),
    contract_count integer,
    amount         bigint NOT NULL,
    partner_codes  text[] NOT NULL,
    note           text
);
CREATE INDEX pacte_funding_line_partners_idx ON pacte_funding_line USING gin (partner_codes);
INSERT INTO pacte_funding_line VALUES
    ('cls-metropoles', 1, 'CLS', 'Contrats locaux des solidarités avec les 3 Métropoles', 'METROPOLIS', 3, 4291000, '{AMP,NCA,TPM}',
     'The document does not name the 3 Métropoles: linked to the three it cites in the axes (AMP, NCA, TPM).'),
    ('cls-ville-marseille', 2, 'CLS', 'Contrat local des solidarités avec la Ville de Marseille', 'CITY', 1, 2000000, '{VdM}', NULL),
    ('cls-departements', 3, 'CLS', 'Contrats locaux des solidarités avec les Départements de la région', 'DEPARTMENT', 6, 11105834, '{04,05,06,13,83,84}',
     'The departments are not named: « les Départements de la région », the six of PACA.'),
    ('cei-departements', 4, 'CEI', 'Conventions emploi insertion avec les Départements de la région', 'DEPARTMENT', 6, 21938714, '{04,05,06,13,83,84}',
     'The departments are not named: « les Départements de la région », the six of PACA.'),
    ('pactes-locaux', 5, 'PACTE_LOCAL', 'Pactes locaux des solidarités avec des crédits État pour la région', 'LOCAL_PARTNERS', NULL, 1290000, '{}',
     '« des » Pactes locaux: the document gives no number of pactes and no partner; the amount is the State credits for the whole region.');

-- The « 25 MESURES NATIONALES, DONT : » slide. Its layout was lost in the text: each reform and measure is
-- recorded under the pacte heading it follows in the text, and the uncertainty is noted.
CREATE TABLE pacte_national_measures (
    announced_count integer NOT NULL,
    note            text
);
INSERT INTO pacte_national_measures VALUES (25,
    'The slide lost its layout in the text: reforms and measures are recorded under the heading they follow in the '
    || 'text, which may not be the pacte they belong to (e.g. « France travail / Loi plein emploi » follows the '
    || 'Enfance heading, « Transition écologique » follows Accès aux droits). Only 14 of the 25 measures are named (« dont »).');

CREATE TABLE pacte_national_pact (
    position    integer PRIMARY KEY,
    title       text NOT NULL,
    axis_number integer REFERENCES pacte_axis,
    reforms     text[] NOT NULL
);
INSERT INTO pacte_national_pact VALUES
    (1, 'PACTE DES SOLIDARITÉS ENFANCE', 1, '{"Service Public Petite Enfance","France travail Loi plein emploi"}'),
    (2, 'PACTE DES SOLIDARITÉS EMPLOI', 2, '{}'),
    (3, 'PACTE DES SOLIDARITÉS ACCÈS AUX DROITS', 3, '{"Solidarité à la source","Transition écologique"}'),
    (4, 'PACTE DES SOLIDARITÉS TRANSITION SOLIDAIRE', 4, '{}');

CREATE TABLE pacte_national_measure (
    pact_position integer NOT NULL REFERENCES pacte_national_pact,
    position      integer NOT NULL,
    name          text NOT NULL,
    note          text,
    PRIMARY KEY (pact_position, position)
);
INSERT INTO pacte_national_measure (pact_position, position, name, note)
SELECT pact, position, name,
       'Listed after this pacte''s heading in the text; the slide''s layout is lost, so the pacte it belongs to is uncertain.'
FROM (VALUES
    (2, 1, 'FIPE'),
    (2, 2, 'Crèches AVIP'),
    (2, 3, 'Plan urgence enfants sans domicile'),
    (2, 4, 'Expérimentations IAE'),
    (2, 5, 'Petits déjeuners gratuits à l''école'),
    (2, 6, 'Programme Jeunes en rupture'),
    (2, 7, 'Pass colo'),
    (4, 1, 'TZNR'),
    (4, 2, 'Prog. « mieux manger pour tous »'),
    (4, 3, 'Plan femmes précaires'),
    (4, 4, 'Cantine 1€ bonus Egalim'),
    (4, 5, 'Domiciliation'),
    (4, 6, 'Chèque énergie'),
    (4, 7, 'Maisons France Service itinérantes')
) AS m(pact, position, name);

CREATE TABLE pacte_local_pact_framework (
    title            text NOT NULL,
    reference        text NOT NULL,
    regional_credits bigint NOT NULL
);
INSERT INTO pacte_local_pact_framework VALUES
    ('LES PACTES LOCAUX DES SOLIDARITÉS', 'Instruction ministérielle du 12 juin 2024', 1290000);

CREATE TABLE pacte_local_pact_section (
    key      text PRIMARY KEY,
    position integer NOT NULL UNIQUE,
    title    text NOT NULL,
    text     text NOT NULL,
    items    text[] NOT NULL
);
INSERT INTO pacte_local_pact_section VALUES
    ('ENJEUX', 1, 'ENJEUX', 'Projets d''innovation sociale, ils doivent permettre de :',
     '{"renforcer la démarche partenariale des politiques de solidarités et l''impact auprès des personnes concernées","concentrer l''utilisation des crédits locaux du Pacte des solidarités sur quelques priorités stratégiques qui permettront un réel effet levier sur le terrain et en faveur des personnes concernées"}'),
    ('FORMAT', 2, 'FORMAT', 'Mis sur pieds en 2024, les Pactes locaux associent les partenaires du territoire départemental, dont les entreprises afin de porter collectivement une à trois priorités en matière de lutte contre la pauvreté, portant sur un périmètre géographique resserré', '{}'),
    ('CALENDRIER', 3, 'CALENDRIER', 'Les Pactes locaux sont annuels basés sur un plan d''action à engager avant la fin 2024', '{}'),
    ('EVALUATION', 4, 'EVALUATION', 'L''impact des Pactes locaux sur les publics, les territoires et l''écosystème d''acteurs doit être mesuré tout au long de leur mise en œuvre', '{}');
