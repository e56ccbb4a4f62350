package fr.pactecarto.territory;

import fr.pactecarto.api.GeoJson;

/** A territory with its outline at the zoom a query asks for, read in the same statement ({@code null} if not asked). */
record Outlined(Territory territory, GeoJson outline) {

}
