package fr.pactecarto.pacte.document;

/** The database refused an import (or could not be reached); nothing was changed. */
public class PacteImportException extends RuntimeException {

	public PacteImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
