package fr.pactecarto.territory;

import fr.pactecarto.api.GeoJson;

/** A territory found by a look-up, with its outline at the zoom the look-up asks for ({@code null} if none). */
record Outlined(Territory territory, GeoJson outline) {

}
