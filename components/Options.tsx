/** The options page: sites, names shown, Wikipedia, the built-in summariser, citation format, mark style. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CitationFormat } from '../lib/citation';
import type { EntityType } from '../lib/types';
import { t } from './i18n';
import { TypeIcon, typeLabel } from './labels';
import { sendMessage } from './protocol';
import {
  alwaysOnOrigins, builtinSummarizer, canonicalOrigin, citationFormat, ENTITY_TYPES, markStyle, shownTypes, wikipediaBase, wikipediaLookups, type MarkStyle,
} from './settings';
import { sitePattern } from './site-pattern';
import { detectSummarizer } from './summarizer';
import { permissionOrigins } from './wikipedia';

const sitePermission = (origin: string) => ({ origins: [sitePattern(origin)] });

export function Options() {
  const [sites, setSites] = useState<string[]>([]);
  const [types, setTypes] = useState<EntityType[]>(ENTITY_TYPES);
  const [wiki, setWiki] = useState(false);
  const [summarizer, setSummarizer] = useState(false);
  const [format, setFormat] = useState<CitationFormat>('text');
  const [style, setStyle] = useState<MarkStyle>('underline');
  const [site, setSite] = useState('');
  const [status, setStatus] = useState('');
  const wikiBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void Promise.all([alwaysOnOrigins.getValue(), shownTypes.getValue(), wikipediaLookups.getValue(), builtinSummarizer.getValue(), citationFormat.getValue(), markStyle.getValue()]).then(
      ([s, ty, w, su, f, st]) => {
        setSites(s);
        setTypes(ty);
        setWiki(w);
        setSummarizer(su);
        setFormat(f);
        setStyle(st);
        // a card sent the reader here to allow Wikipedia look-ups
        if (location.hash === '#wikipedia') wikiBox.current?.focus();
      },
    );
    const stops = [alwaysOnOrigins.watch((v) => setSites(v ?? [])), wikipediaLookups.watch((v) => setWiki(!!v))];
    return () => stops.forEach((s) => s());
  }, []);

  const say = (msg: string) => setStatus(msg);
  const saved = () => say(t('saved'));

  const addSite = async (ev: Event) => {
    ev.preventDefault();
    const origin = canonicalOrigin(site);
    if (!origin) return say(t('siteInvalid'));
    // the request runs first, inside the click; the list is stored before the answer so the background finds it
    const asked = browser.permissions.request(sitePermission(origin));
    const before = await alwaysOnOrigins.getValue();
    await alwaysOnOrigins.setValue([...before.filter((o) => o !== origin), origin]);
    if (!(await asked.catch(() => false))) {
      await alwaysOnOrigins.setValue(before);
      return say(t('siteDenied', origin));
    }
    await sendMessage('sitesChanged', undefined).catch(() => {});
    setSite('');
    saved();
  };

  const removeSite = async (origin: string) => {
    await alwaysOnOrigins.setValue((await alwaysOnOrigins.getValue()).filter((o) => o !== origin));
    await browser.permissions.remove(sitePermission(origin)).catch(() => false);
    await sendMessage('sitesChanged', undefined).catch(() => {});
    saved();
  };

  const toggleType = (type: EntityType, on: boolean) => {
    const next = ENTITY_TYPES.filter((x) => (x === type ? on : types.includes(x)));
    setTypes(next);
    void shownTypes.setValue(next).then(saved);
  };

  const toggleWiki = async (on: boolean) => {
    const permission = { origins: permissionOrigins(await wikipediaBase.getValue()) };
    if (on && !(await browser.permissions.request(permission).catch(() => false))) {
      setWiki(false);
      return say(t('wikiDenied'));
    }
    await wikipediaLookups.setValue(on);
    if (!on) await browser.permissions.remove(permission).catch(() => false);
    setWiki(on);
    saved();
  };

  const hasSummarizer = !!detectSummarizer();
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('sitesHeading')}</h2>
        <p class="help">{t('sitesHelp')}</p>
        {sites.length === 0 ? (
          <p class="empty">{t('sitesEmpty')}</p>
        ) : (
          <ul class="sites">
            {sites.map((o) => (
              <li key={o}>
                <span>{new URL(o).host}</span>
                <button type="button" class="remove" onClick={() => void removeSite(o)}>
                  {t('siteRemove', new URL(o).host)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add" onSubmit={(e) => void addSite(e)}>
          <label for="site">{t('siteLabel')}</label>
          <input id="site" type="text" inputMode="url" autocomplete="url" placeholder="example.org" value={site} onInput={(e) => setSite((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('siteAdd')}</button>
        </form>
      </section>

      <section aria-labelledby="h-types">
        <h2 id="h-types">{t('typesHeading')}</h2>
        {ENTITY_TYPES.map((type) => (
          <label class="row" key={type}>
            <input type="checkbox" name="types" value={type} checked={types.includes(type)} onChange={(e) => toggleType(type, (e.target as HTMLInputElement).checked)} />
            <TypeIcon type={type} /> {typeLabel(type)}
          </label>
        ))}
      </section>

      <section aria-labelledby="h-wiki" id="wikipedia">
        <h2 id="h-wiki">{t('wikiHeading')}</h2>
        <label class="row">
          <input ref={wikiBox} type="checkbox" name="wikipedia" checked={wiki} onChange={(e) => void toggleWiki((e.target as HTMLInputElement).checked)} />
          {t('wikiToggle')}
        </label>
      </section>

      <section aria-labelledby="h-summarizer">
        <h2 id="h-summarizer">{t('summarizerHeading')}</h2>
        <label class="row">
          <input
            type="checkbox"
            name="summarizer"
            checked={summarizer}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              setSummarizer(on);
              void builtinSummarizer.setValue(on).then(saved);
            }}
          />
          {t('summarizerToggle')}
        </label>
        {!hasSummarizer && <p class="help">{t('summarizerMissing')}</p>}
      </section>

      <section aria-labelledby="h-format">
        <h2 id="h-format">{t('formatHeading')}</h2>
        <select
          aria-labelledby="h-format"
          name="format"
          value={format}
          onChange={(e) => {
            const f = (e.target as HTMLSelectElement).value as CitationFormat;
            setFormat(f);
            void citationFormat.setValue(f).then(saved);
          }}
        >
          <option value="text">{t('formatText')}</option>
          <option value="markdown">{t('formatMarkdown')}</option>
          <option value="html">{t('formatHtml')}</option>
        </select>
      </section>

      <fieldset>
        <legend>{t('markHeading')}</legend>
        {(['underline', 'background'] as MarkStyle[]).map((s) => (
          <label class="row" key={s}>
            <input
              type="radio"
              name="markStyle"
              value={s}
              checked={style === s}
              onChange={() => {
                setStyle(s);
                void markStyle.setValue(s).then(saved);
              }}
            />
            {t(s === 'underline' ? 'markUnderline' : 'markBackground')}
          </label>
        ))}
      </fieldset>

      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
