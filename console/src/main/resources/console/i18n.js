// Every string the console shows, in Chinese (the default) and English, and time formatting in
// the park's own time zone.

const STRINGS = {
  zh: {
    title: '园区智慧运行监测',
    'login.heading': '操作员登录',
    'login.token': 'API 令牌',
    'login.submit': '登录',
    'login.hint': '令牌只保存在本浏览器会话中。演示令牌见 var/demo/api-tokens.properties。',
    'login.refused': '令牌无效或已被拒绝',
    'login.failed': '无法连接服务',
    logout: '退出',
    language: 'English',
    'nav.alerts': '告警',
    'nav.coverage': '覆盖率看板',
    'nav.drill': '点位详情',
    'nav.map': '园区地图',
    'overview.readings': '近 {window} 入库读数',
    unavailable: '暂不可用',
    'unavailable.endpoint': '此视图所需的接口 {path} 暂不可用（{status}）。',
    loading: '加载中…',
    'stream.live': '实时',
    'stream.reconnecting': '重新连接中…',
    'alerts.open': '未解除告警',
    'alerts.recent': '近期已解除',
    'alerts.none': '没有符合条件的告警',
    'alerts.newCritical': '新的严重告警',
    'filter.park': '园区',
    'filter.module': '模块',
    'filter.severity': '级别',
    'filter.state': '状态',
    'filter.all': '全部',
    'col.severity': '级别',
    'col.enterprise': '企业',
    'col.point': '点位',
    'col.rule': '规则',
    'col.value': '数值 / 限值',
    'col.firstSeen': '首次',
    'col.lastSeen': '最近',
    'col.count': '次数',
    'col.state': '状态',
    'col.action': '操作',
    'col.clearedAt': '解除时间',
    'severity.INFO': '提示',
    'severity.WARNING': '预警',
    'severity.CRITICAL': '严重',
    'state.open': '未处理',
    'state.acknowledged': '已确认',
    'state.cleared': '已解除',
    'ack.button': '确认',
    'ack.note': '处置说明',
    'ack.send': '提交确认',
    'ack.cancel': '取消',
    'ack.sent': '已提交，等待确认…',
    'ack.failed': '确认失败：{reason}',
    'ack.by': '确认人 {who}',
    'drill.open': '详情',
    'module.ECONOMIC': '经济运行',
    'module.ENERGY': '能源',
    'module.SAFETY': '安全',
    'module.LOGISTICS': '物流交通',
    'module.ENVIRONMENT': '环境',
    'coverage.computedAt': '计算时间 {time}',
    'coverage.module': '模块',
    'coverage.class': '类别',
    'coverage.required': '应接入',
    'coverage.live': '在线',
    'coverage.ratio': '覆盖率',
    'coverage.target': '目标',
    'coverage.compliant': '达标',
    'coverage.yes': '达标',
    'coverage.no': '未达标',
    'coverage.silent': '静默点位',
    'coverage.silentSince': '静默起始',
    'coverage.never': '从未上报',
    'coverage.noSilent': '本行没有静默点位',
    'coverage.truncated': '（仅列出部分）',
    'coverage.silentUnavailable': '静默点位明细暂不可用，仅显示覆盖率',
    'coverage.completeness': '当日数据完整率',
    'completeness.day': '日期',
    'completeness.expected': '应收',
    'completeness.received': '实收',
    'completeness.normal': '正常',
    'completeness.ratio': '完整率',
    'completeness.validHours': '有效小时',
    'completeness.points': '点位达标',
    'completeness.none': '尚无完整率数据',
    'coverage.none': '尚无覆盖率数据',
    'drill.point': '点位',
    'drill.metric': '指标',
    'drill.hours': '时长（小时）',
    'drill.show': '查看',
    'drill.hint': '从告警或静默点位打开，或输入 园区/企业/点位。',
    'drill.readings': '实时读数',
    'drill.hourly': '小时均值',
    'drill.limit': '限值',
    'drill.exceedance': '超标',
    'drill.flagged': '质量标记',
    'drill.noData': '该时段没有读数',
    'drill.truncated': '读数过多，仅显示最新部分',
    'map.park': '园区',
    'map.key-area': '重点区域',
    'map.no-parking': '禁停区',
    'map.corridor': '危化品运输通道',
    'map.enterprise': '企业',
    'map.vehicle': '车辆',
    'map.alerting': '告警中',
    'map.empty': '该园区没有地图数据',
    'map.speed': '{speed} km/h',
    'time.zone': '时区 {zone}',
    'nav.reports': '排放月报',
    'reports.month': '月份',
    'reports.permit': '排污许可证',
    'reports.status': '本月合规',
    'reports.allowance': '年度许可排放量（已用）',
    'reports.noPermit': '未载入许可证',
    'reports.noExceedance': '无超标',
    'reports.hours': '超标 {n} 小时',
    'reports.days': '超标 {n} 天',
    'reports.projected': '按线性推算年末',
    'reports.open': '月报',
    'reports.none': '该园区没有排放企业',
    'reports.back': '返回',
    'reports.print': '打印',
    'reports.title': '{month} 排放月报',
    'reports.hoursCounted': '统计小时数 {n}',
    'reports.noPermitOutlet': '许可证未列明',
    'reports.pollutant': '污染物',
    'reports.limit': '许可限值',
    'reports.hour': '小时均值',
    'reports.day': '日均值',
    'reports.valid': '有效小时',
    'reports.invalid': '无效小时',
    'reports.reasons': '无效原因',
    'reports.exceedance': '超标',
    'reports.completeness': '数据完整率',
    'reports.validShare': '有效率',
    'reports.totalKg': '本月排放量 kg',
    'reports.ytd': '年初至今',
    'reports.noAllowance': '许可证未规定年度许可排放量',
    'reports.noData': '本月没有数据',
    'reports.note': '无效小时不计入排放量，也不判定超标；日均限值按有效日计超标天数（HJ 75-2017、HJ 212-2017）。'
  },
  en: {
    title: 'Park operations monitoring',
    'login.heading': 'Operator login',
    'login.token': 'API token',
    'login.submit': 'Log in',
    'login.hint': 'The token is kept in this browser session only. Demo tokens: var/demo/api-tokens.properties.',
    'login.refused': 'The token was refused',
    'login.failed': 'The service cannot be reached',
    logout: 'Log out',
    language: '中文',
    'nav.alerts': 'Alerts',
    'nav.coverage': 'Coverage board',
    'nav.drill': 'Point drill-down',
    'nav.map': 'Park map',
    'overview.readings': 'Readings stored in the last {window}',
    unavailable: 'Unavailable',
    'unavailable.endpoint': 'This view needs {path}, which is not available yet ({status}).',
    loading: 'Loading…',
    'stream.live': 'Live',
    'stream.reconnecting': 'Reconnecting…',
    'alerts.open': 'Open alerts',
    'alerts.recent': 'Recently cleared',
    'alerts.none': 'No alerts match',
    'alerts.newCritical': 'New critical alert',
    'filter.park': 'Park',
    'filter.module': 'Module',
    'filter.severity': 'Severity',
    'filter.state': 'State',
    'filter.all': 'All',
    'col.severity': 'Severity',
    'col.enterprise': 'Enterprise',
    'col.point': 'Point',
    'col.rule': 'Rule',
    'col.value': 'Value / limit',
    'col.firstSeen': 'First seen',
    'col.lastSeen': 'Last seen',
    'col.count': 'Count',
    'col.state': 'State',
    'col.action': 'Action',
    'col.clearedAt': 'Cleared',
    'severity.INFO': 'Info',
    'severity.WARNING': 'Warning',
    'severity.CRITICAL': 'Critical',
    'state.open': 'Open',
    'state.acknowledged': 'Acknowledged',
    'state.cleared': 'Cleared',
    'ack.button': 'Acknowledge',
    'ack.note': 'Note',
    'ack.send': 'Send',
    'ack.cancel': 'Cancel',
    'ack.sent': 'Sent, waiting for confirmation…',
    'ack.failed': 'Acknowledgement failed: {reason}',
    'ack.by': 'by {who}',
    'drill.open': 'Details',
    'module.ECONOMIC': 'Economic',
    'module.ENERGY': 'Energy',
    'module.SAFETY': 'Safety',
    'module.LOGISTICS': 'Logistics',
    'module.ENVIRONMENT': 'Environment',
    'coverage.computedAt': 'computed {time}',
    'coverage.module': 'Module',
    'coverage.class': 'Class',
    'coverage.required': 'Required',
    'coverage.live': 'Live',
    'coverage.ratio': 'Ratio',
    'coverage.target': 'Target',
    'coverage.compliant': 'Compliant',
    'coverage.yes': 'yes',
    'coverage.no': 'no',
    'coverage.silent': 'Silent points',
    'coverage.silentSince': 'Silent since',
    'coverage.never': 'never reported',
    'coverage.noSilent': 'No silent points in this row',
    'coverage.truncated': '(list truncated)',
    'coverage.silentUnavailable': 'Silent points are not available yet; ratios only',
    'coverage.completeness': 'Daily completeness',
    'completeness.day': 'Day',
    'completeness.expected': 'Expected',
    'completeness.received': 'Received',
    'completeness.normal': 'Normal',
    'completeness.ratio': 'Ratio',
    'completeness.validHours': 'Valid hours',
    'completeness.points': 'Compliant points',
    'completeness.none': 'No completeness figures yet',
    'coverage.none': 'No coverage figures yet',
    'drill.point': 'Point',
    'drill.metric': 'Metric',
    'drill.hours': 'Hours',
    'drill.show': 'Show',
    'drill.hint': 'Open from an alert or a silent point, or type park/enterprise/point.',
    'drill.readings': 'Readings',
    'drill.hourly': 'Hourly mean',
    'drill.limit': 'Limit',
    'drill.exceedance': 'Exceedance',
    'drill.flagged': 'Quality flag',
    'drill.noData': 'No readings in this span',
    'drill.truncated': 'Too many readings: the newest are shown',
    'map.park': 'Park',
    'map.key-area': 'Key area',
    'map.no-parking': 'No-parking zone',
    'map.corridor': 'Hazmat corridor',
    'map.enterprise': 'Enterprise',
    'map.vehicle': 'Vehicle',
    'map.alerting': 'Alerting',
    'map.empty': 'No map data for this park',
    'map.speed': '{speed} km/h',
    'time.zone': 'zone {zone}',
    'nav.reports': 'Monthly reports',
    'reports.month': 'Month',
    'reports.permit': 'Permit',
    'reports.status': 'This month',
    'reports.allowance': 'Annual allowance used',
    'reports.noPermit': 'no permit loaded',
    'reports.noExceedance': 'no exceedance',
    'reports.hours': '{n} exceedance hours',
    'reports.days': '{n} exceedance days',
    'reports.projected': 'straight line to year end',
    'reports.open': 'Report',
    'reports.none': 'No emitting enterprise in this park',
    'reports.back': 'Back',
    'reports.print': 'Print',
    'reports.title': 'Monthly emission report {month}',
    'reports.hoursCounted': '{n} hours counted',
    'reports.noPermitOutlet': 'not in the permit',
    'reports.pollutant': 'Pollutant',
    'reports.limit': 'Permit limit',
    'reports.hour': 'hourly mean',
    'reports.day': 'daily mean',
    'reports.valid': 'Valid h',
    'reports.invalid': 'Invalid h',
    'reports.reasons': 'Invalid because',
    'reports.exceedance': 'Exceedance',
    'reports.completeness': 'Completeness',
    'reports.validShare': 'Valid share',
    'reports.totalKg': 'Month kg',
    'reports.ytd': 'Year to date',
    'reports.noAllowance': 'the permit sets no annual total',
    'reports.noData': 'no data this month',
    'reports.note': 'Invalid hours are neither added to the mass nor judged; a daily limit counts exceedance days of valid days (HJ 75-2017, HJ 212-2017).'
  }
};

const LANGUAGE_KEY = 'parkwatch.language';
let language = sessionStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
const listeners = [];

export function lang() {
  return language;
}

/** The string of a key in the current language, with {name} placeholders filled. */
export function t(key, values = {}) {
  const text = STRINGS[language][key] ?? STRINGS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Translates every element marked data-i18n below root. */
export function translate(root = document) {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  }
}

export function setLanguage(next) {
  language = next === 'en' ? 'en' : 'zh';
  sessionStorage.setItem(LANGUAGE_KEY, language);
  translate();
  listeners.forEach(listener => listener(language));
}

export function onLanguage(listener) {
  listeners.push(listener);
}

const formats = new Map();

/** An ISO instant as the park's local date and time (the park's zone, not the browser's). */
export function formatTime(iso, timeZone = 'Asia/Shanghai', withDate = true) {
  if (!iso) {
    return '–';
  }
  const key = `${language}|${timeZone}|${withDate}`;
  if (!formats.has(key)) {
    const options = { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    if (withDate) {
      Object.assign(options, { month: '2-digit', day: '2-digit' });
    }
    formats.set(key, new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', options));
  }
  return formats.get(key).format(new Date(iso));
}

export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '–';
  }
  return Number(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });
}

export function formatPercent(ratio) {
  return ratio === null || ratio === undefined ? '–' : `${(Number(ratio) * 100).toFixed(1)} %`;
}
