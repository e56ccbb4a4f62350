// Small DOM helper shared by the modules that build elements.

/** An element with this text (never parsed as HTML) and optional class. */
export function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}
