import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { t } from '../../components/i18n';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
