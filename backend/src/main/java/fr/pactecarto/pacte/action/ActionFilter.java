package fr.pactecarto.pacte.action;

import java.util.List;

/** The {@code ActionFilter} input: all given criteria must hold. */
public record ActionFilter(Integer axis, List<String> themes, String territory, String text) {

}
