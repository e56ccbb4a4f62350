// Presenter mode: full screen, large type, high contrast, the question as a caption and the answering
// territories beside the map. Arrow keys step through the headline themes then the axes; Escape leaves.
import { T } from './strings.js';
import { text } from './dom.js';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export class Presenter {
  /**
   * @param steps [{ theme, axis }] in order
   * @param onStep called with a step to show
   * @param onChange called after entering or leaving (layout changed)
   */
  constructor(caption, answers, steps, onStep, onChange) {
    this.caption = caption;
    this.answers = answers;
    this.steps = steps;
    this.onStep = onStep;
    this.onChange = onChange;
    this.index = 0;
    this.active = false;
    this.keys = (event) => this.key(event);
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement && this.active && this.wasFullscreen) this.leave();
      else if (this.active) this.onChange(true); // the screen's size is known only now
      this.wasFullscreen = Boolean(document.fullscreenElement);
    });
  }

  /** Enters on the step matching the current question, or the first one. */
  enter(theme, axis) {
    if (this.active) return;
    this.active = true;
    const current = this.steps.findIndex((s) => s.theme === theme && s.axis === axis);
    this.index = current >= 0 ? current : 0;
    document.body.classList.add('presenter');
    document.addEventListener('keydown', this.keys, true);
    if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => { /* refused (no user gesture, kiosk): stay in page */ });
    }
    this.onChange(true);
    this.onStep(this.steps[this.index]);
  }

  leave() {
    if (!this.active) return;
    this.active = false;
    document.body.classList.remove('presenter');
    document.removeEventListener('keydown', this.keys, true);
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
    this.onChange(false);
  }

  key(event) {
    // Leave browser shortcuts (Alt+← back, Ctrl/Meta+arrows) alone.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let step = 0;
    if (NEXT.has(event.key)) step = 1;
    else if (PREVIOUS.has(event.key)) step = -1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.leave();
      return;
    } else return;
    // Arrows belong to the presentation here, not to the map's panning or a focused control.
    event.preventDefault();
    event.stopPropagation();
    this.index = (this.index + step + this.steps.length) % this.steps.length;
    this.onStep(this.steps[this.index]);
  }

  /** Shows the question and the answering territories ([{ territory, count }], most actions first). */
  update(questionText, answering) {
    this.caption.textContent = questionText;
    const list = document.createElement('ol');
    for (const { territory, count } of answering) {
      const item = document.createElement('li');
      item.setAttribute('data-territory-code', territory.code);
      item.append(text('span', territory.name, 'name'), text('span', String(count), 'count'));
      list.append(item);
    }
    this.answers.replaceChildren(text('h2', T.answersTitle), answering.length > 0 ? list : text('p', T.noAnswer),
      text('p', T.presenterHelp, 'help'));
  }
}
