package fr.pactecarto.territory;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;

/** The API's error for a code or alias that names no territory. */
public final class Territories {

	private Territories() {
	}

	/** {@code UNKNOWN_TERRITORY} naming the code as given (stripped), the kind asked for and the argument. */
	public static ApiException unknown(String code, TerritoryKind kind, String argument) {
		String stripped = (code != null) ? code.strip() : "";
		return new ApiException(ErrorCode.UNKNOWN_TERRITORY, argument, "No territory has the code or alias '" + stripped
				+ "'" + ((kind != null) ? " among kind " + kind : "") + " (argument '" + argument + "')");
	}

}
