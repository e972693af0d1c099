import type { SponsorReport } from '../../../../shared/reports/contract';
import type { ItemAnalysis } from '../../../../shared/surveys/contract';
import { cellWords, divergingParts, groupWords, medianWords, ofWords, pWords, recruitmentRows, roleWords } from '../../../../shared/reports/words';
import { formatLongDate } from '../../../../shared/dates';
import { count } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { Button } from '../../ui/Button';
import { filePath } from '../../ui/export-result';
import { FormError } from '../../ui/FormDialog';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useExport } from '../../ui/useExport';
import { exportSponsorPdf, useSponsorReport } from './api';
import './reports.css';

/** Stage 13's second half: the report for sponsors, on screen as in the PDF — aggregate figures only. */
export function SponsorReportPage() {
  const pilotId = usePilotId();
  const report = useSponsorReport(pilotId);
  const exportPdf = useExport(() => exportSponsorPdf(pilotId), { written: (result) => `Wrote the sponsor report to ${filePath(result.folder, result.file)}.` });

  const header = (
    <PageHeader
      title="Sponsor report"
      description="For the people who fund or sponsor the scheme: aggregate figures only, with no names, no quotes and nothing from the safeguarding register. This is what the PDF holds."
      actions={
        <Button variant="primary" onPress={() => void exportPdf.start()} isDisabled={exportPdf.busy || !report.data}>
          {exportPdf.busy ? 'Exporting…' : 'Export as PDF…'}
        </Button>
      }
    />
  );
  if (report.isPending) return <Loading label="Preparing the report…" />;
  if (report.error) {
    return (
      <>
        {header}
        <ErrorMessage error={report.error} />
      </>
    );
  }
  const data = report.data;
  return (
    <>
      {header}
      <FormError message={exportPdf.failed} />
      <article className="sponsor-report" aria-label="Sponsor report">
        <header className="sr-title">
          <p className="sr-kicker">Reverse mentoring pilot · report for sponsors</p>
          <h2>{data.pilotName}</h2>
          <p>
            {formatLongDate(data.period.startDate)} to {formatLongDate(data.period.endDate)} · report made on {formatLongDate(data.madeOn)}
          </p>
          <p>Ethics approval reference: {data.ethicsReference || 'not recorded in the plan'}</p>
          <p className="sr-note">
            Any group of fewer than {data.threshold} people is shown as “fewer than {data.threshold}”; where that number could be worked out from a total, a second figure is held back too (“not shown*”).
          </p>
        </header>
        <Recruitment report={data} />
        <section aria-labelledby="sr-meetings">
          <h3 id="sr-meetings">Meetings and reflective logs</h3>
          <p>
            Meetings held: {ofWords(data.meetings.held, data.meetings.planned)} meetings planned so far, across {count(data.meetings.pairs)} current pairs; {count(data.meetings.cancelled)} cancelled.
          </p>
          <p>Reflective logs returned: {ofWords(data.logs.submitted, data.logs.due)} due (one per person after every meeting held).</p>
        </section>
        <section aria-labelledby="sr-themes">
          <h3 id="sr-themes">Themes covered</h3>
          {data.themes.length === 0 ? (
            <p>No meeting has been held yet.</p>
          ) : (
            <ul className="sr-themes">
              {data.themes.map((theme) => (
                <li key={theme.title}>
                  {theme.title}: {count(theme.held)} {theme.held === 1 ? 'meeting' : 'meetings'} held
                </li>
              ))}
            </ul>
          )}
        </section>
        <Surveys report={data} />
      </article>
    </>
  );
}

function Recruitment({ report }: { report: SponsorReport }) {
  return (
    <section aria-labelledby="sr-recruitment">
      <h3 id="sr-recruitment">Recruitment and retention</h3>
      <table className="sr-table">
        <thead>
          <tr>
            <th scope="col">People</th>
            {report.recruitment.map((row) => (
              <th scope="col" key={row.role}>
                {roleWords[row.role]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {recruitmentRows.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {report.recruitment.map((row) => (
                <td key={row.role}>{cellWords(row[key], report.threshold)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Surveys({ report }: { report: SponsorReport }) {
  const { comparison, items, counted } = report.surveys;
  return (
    <section aria-labelledby="sr-surveys">
      <h3 id="sr-surveys">What changed: the surveys</h3>
      {comparison ? (
        <>
          <p>
            “{comparison.before.title}” compared with “{comparison.after.title}”, for the {cellWords(counted, report.threshold)} people who answered both and whose consent covers research use. Each bar shows how many people’s answer moved
            towards agreement (improved, right), stayed the same (middle) or moved away (worse, left).
          </p>
          <ul className="sr-items">
            {items.map((item) => (
              <SurveyItem key={item.itemId} item={item} threshold={report.threshold} />
            ))}
          </ul>
        </>
      ) : (
        <p>No two survey waves can be compared yet: the change is reported once a questionnaire has been answered before and after.</p>
      )}
    </section>
  );
}

function SurveyItem({ item, threshold }: { item: ItemAnalysis; threshold: number }) {
  const group = item.groups.find((g) => g.group === 'everyone') ?? item.groups[0];
  if (!group) return null;
  const people = `${cellWords(group.pairs, threshold)} people answered in both waves`;
  const result = group.result;
  const parts = result ? divergingParts(result) : null;
  const moved = parts ? `${count(parts.improved)} improved, ${count(parts.same)} no change, ${count(parts.worse)} worse` : `how answers moved is not shown: part of it describes fewer than ${threshold} people`;
  return (
    <li className="sr-item">
      <p className="sr-item-text">{item.text}</p>
      <p className="sr-item-group">{groupWords[group.group]}</p>
      {parts ? <DivergingBar parts={parts} label={`${item.text}: ${moved}`} /> : null}
      <p className="sr-item-figures">{result ? [people, moved, medianWords(result.medianBefore, result.medianAfter), pWords(result.pvalue), result.effectWords].filter(Boolean).join(' · ') : `${people}: too few to report.`}</p>
    </li>
  );
}

/** The same bar as the PDF's: worse left of the centre line, no change across it, improved right. */
function DivergingBar({ parts, label }: { parts: { worse: number; same: number; improved: number; total: number }; label: string }) {
  const half = 50;
  const scale = half / parts.total;
  const sameHalf = (parts.same * scale) / 2;
  return (
    <svg className="sr-bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={label}>
      <rect x={half - sameHalf - parts.worse * scale} y={0} width={parts.worse * scale} height={6} className="sr-worse" />
      <rect x={half - sameHalf} y={0} width={sameHalf * 2} height={6} className="sr-same" />
      <rect x={half + sameHalf} y={0} width={parts.improved * scale} height={6} className="sr-improved" />
      <line x1={half} x2={half} y1={0} y2={6} className="sr-centre" />
    </svg>
  );
}
