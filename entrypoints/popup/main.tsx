import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import './style.css';

// the UI's language, for screen readers (the strings come from _locales in that language)
document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup />, document.getElementById('app')!);
