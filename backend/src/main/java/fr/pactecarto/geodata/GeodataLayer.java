package fr.pactecarto.geodata;

import java.util.regex.Pattern;

import fr.pactecarto.territory.TerritoryKind;

/** The four files of the official « contours administratifs », in import order (parents before children). */
public enum GeodataLayer {

	REGIONS("regions", TerritoryKind.REGION, "\\d{2}"),
	DEPARTEMENTS("departements", TerritoryKind.DEPARTMENT, "\\d{2}|2[AB]|97\\d"),
	EPCI("epci", TerritoryKind.EPCI, "\\d{9}"),
	COMMUNES("communes", TerritoryKind.COMMUNE, "\\d{5}|2[AB]\\d{3}");

	private final String fileName;

	private final TerritoryKind kind;

	private final Pattern code;

	GeodataLayer(String fileName, TerritoryKind kind, String code) {
		this.fileName = fileName;
		this.kind = kind;
		this.code = Pattern.compile(code);
	}

	/** Base name of the file, without {@code .geojson[.gz]}. */
	public String fileName() {
		return this.fileName;
	}

	public TerritoryKind kind() {
		return this.kind;
	}

	boolean isValidCode(String code) {
		return this.code.matcher(code).matches();
	}

}
