package fr.pactecarto.geodata;

/** An import that failed; the message is one line naming the file (and the feature) and what is wrong. */
public class GeodataImportException extends RuntimeException {

	public GeodataImportException(String message) {
		super(message);
	}

	public GeodataImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
