// Small element builders: text goes in as text nodes, never as HTML, so names and messages from
// the API cannot inject markup.
import { t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

export function h(tag, attributes, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

/**
 * Replaces a view's content with a clear "unavailable" notice naming the endpoint, or with the
 * service's own message when it answered (an unknown point, a bad parameter).
 */
export function unavailable(container, error) {
  if (error && error.status && error.unavailable === false) {
    container.replaceChildren(h('div', { class: 'notice', 'data-state': 'refused' },
      `${error.status}: ${error.message}`));
    return;
  }
  container.replaceChildren(h('div', { class: 'unavailable', 'data-state': 'unavailable' },
    h('strong', null, t('unavailable')), ' ',
    t('unavailable.endpoint', { path: ((error && error.path) || '').split('?')[0],
      status: (error && error.status) || '–' })));
}

export function select(id, options, value, onChange) {
  const element = h('select', { id, onchange: event => onChange(event.target.value) },
    options.map(([optionValue, label]) => h('option', { value: optionValue }, label)));
  element.value = value;
  return element;
}
