package fr.pactecarto.pacte.action;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;

/** The opaque cursor of an action in a page: its position in the document, base64-encoded. */
final class ActionCursor {

	private static final String PREFIX = "action:";

	private ActionCursor() {
	}

	static String of(Action action) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((PREFIX + action.position()).getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor stands for; {@code BAD_CURSOR} naming {@code argument} if it is not one of ours. */
	static int position(String cursor, String argument) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				int position = Integer.parseInt(decoded.substring(PREFIX.length()));
				if (position >= 0) {
					return position;
				}
			}
		}
		catch (IllegalArgumentException notOurs) {
			// NumberFormatException included: reported below like any other foreign cursor.
		}
		throw new ApiException(ErrorCode.BAD_CURSOR, argument, "Argument '" + argument + "' is not a cursor of this list: '"
				+ cursor + "'; pass the cursor of an edge or pageInfo.endCursor from a previous page");
	}

}
