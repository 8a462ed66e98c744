// The console's shell: login by bearer token, the header, and switching between the views.
import { AlertsView } from './alerts.js';
import { ApiError, getJson, parks, setToken, token } from './api.js';
import { CoverageView } from './coverage.js';
import { DrillView } from './drill.js';
import { lang, onLanguage, setLanguage, t, translate } from './i18n.js';
import { MapView } from './map.js';
import { ReportsView } from './reports.js';

const $ = id => document.getElementById(id);
let views = null;
let current = null;
let overviewTimer = null;

/** Who the token belongs to; /api/v1/me, or the alerts list where that is not served yet. */
async function whoAmI() {
  try {
    return await getJson('/api/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      await getJson('/api/v1/alerts?limit=1');
      return { name: '', role: '' };
    }
    throw error;
  }
}

async function login(candidate) {
  setToken(candidate);
  const error = $('login-error');
  error.textContent = '';
  try {
    const me = await whoAmI();
    enter(me);
  } catch (failure) {
    setToken(null);
    error.dataset.i18n = failure instanceof ApiError && (failure.status === 401 || failure.status === 403)
      ? 'login.refused' : 'login.failed';
    error.textContent = t(error.dataset.i18n);
    showLogin();
  }
}

function showLogin() {
  $('console').hidden = true;
  $('login').hidden = false;
  $('token').focus();
}

function enter(me) {
  $('login').hidden = true;
  $('console').hidden = false;
  $('who').textContent = [me.name, me.role, me.enterprise].filter(Boolean).join(' · ');
  // The park's reports are the bureau's (and the control room's); an enterprise token has no park view.
  $('nav-reports').hidden = me.role !== 'bureau' && me.role !== 'operator';
  if (!views) {
    const openPoint = (point, metric) => {
      show('drill');
      views.drill.show(point, metric);
    };
    views = {
      alerts: new AlertsView($('view-alerts'), $('critical-banner'), $('ack-dialog'), openPoint),
      coverage: new CoverageView($('view-coverage'), openPoint),
      drill: new DrillView($('view-drill')),
      map: new MapView($('view-map')),
      reports: new ReportsView($('view-reports'))
    };
    // The alerts stay live whatever view is shown: a new critical alert must be seen anywhere.
    views.alerts.start();
  }
  refreshOverview();
  overviewTimer = overviewTimer || setInterval(refreshOverview, 10000);
  show(current || 'alerts');
}

function show(name) {
  if (current && current !== name && current !== 'alerts') {
    views[current].stop();
  }
  const starting = current !== name;
  current = name;
  for (const tab of document.querySelectorAll('nav button[data-view]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.view === name));
  }
  for (const view of document.querySelectorAll('.view')) {
    view.hidden = view.id !== `view-${name}`;
  }
  if (starting && name !== 'alerts') {
    views[name].start();
  }
}

async function refreshOverview() {
  const target = $('overview');
  try {
    const overview = await getJson('/api/v1/overview');
    target.textContent = `${t('overview.readings', { window: overview.window })}: ${overview.readings}`;
  } catch (error) {
    target.textContent = '';
  }
}

function bind() {
  $('login-form').addEventListener('submit', event => {
    event.preventDefault();
    const value = $('token').value.trim();
    $('token').value = '';
    if (value) {
      login(value);
    }
  });
  $('logout').addEventListener('click', () => {
    setToken(null);
    window.location.reload();
  });
  for (const button of document.querySelectorAll('.language')) {
    button.addEventListener('click', () => setLanguage(lang() === 'zh' ? 'en' : 'zh'));
  }
  for (const tab of document.querySelectorAll('nav button[data-view]')) {
    tab.addEventListener('click', () => show(tab.dataset.view));
  }
  $('critical-banner').addEventListener('click', () => {
    $('critical-banner').hidden = true;
    show('alerts');
  });
  window.addEventListener('parkwatch:unauthorized', () => {
    setToken(null);
    showLogin();
  });
  onLanguage(() => {
    document.title = `parkwatch · ${t('title')}`;
    refreshOverview();
  });
}

bind();
translate();
document.title = `parkwatch · ${t('title')}`;
parks();
if (token()) {
  login(token());
} else {
  showLogin();
}
