import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { roleLabels } from '../../../../shared/participants/contract';
import { exportLogBook, usePilotRegister } from './api';
import { Button } from '../../ui/Button';
import { SelectInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { FormError } from '../../ui/FormDialog';
import { usePilotId } from '../../app/usePilotId';
import { useDistinctName } from '../../app/PersonLink';
import { participantsPath } from '../../app/paths';
import { filePath, isCancelled } from '../../ui/export-result';
import { errorText } from '../../ui/errors';
import { plural } from '../../../../shared/words';

/** A participant's own submitted logs as a PDF they can keep (for applications, appraisal, their portfolio). */
export function LogBooks() {
  const pilotId = usePilotId();
  const people = usePilotRegister(pilotId);
  // Namesakes get their department and role (or email), so the right person's log book is made.
  const distinctName = useDistinctName(pilotId);
  const { notify } = useNotices();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<string>();

  if (people.isPending) return <Loading />;
  if (people.error) return <ErrorMessage error={people.error} />;
  const rows = people.data.rows;
  if (rows.length === 0) {
    return (
      <section className="ml-section-empty" aria-labelledby="books-empty-heading">
        <h2 id="books-empty-heading">Nobody to make a log book for yet</h2>
        <p>
          Add people under <Link to={participantsPath(pilotId)}>Participants</Link>. Once they have submitted logs, each can have a log book.
        </p>
      </section>
    );
  }

  const make = async (event: FormEvent) => {
    event.preventDefault();
    const person = rows.find((p) => String(p.id) === chosen);
    if (!person) {
      setError('Choose a person first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    setFailed(undefined);
    try {
      const result = await exportLogBook(person.id);
      notify(`Wrote ${person.name}’s log book (${plural(result.logs, 'log')}) to ${filePath(result.folder, result.file)}.`);
    } catch (failure) {
      if (isCancelled(failure)) notify(errorText(failure));
      else setFailed(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void make(e)} noValidate className="form panel ml-books" aria-labelledby="books-heading">
      <h2 id="books-heading">Log book (PDF)</h2>
      <p>
        A PDF of one person’s own submitted logs, one meeting per page, to give them at the end of the scheme. It holds nothing anyone else wrote and does not name their partner. Drafts are left out. You
        choose the folder it is written to.
      </p>
      <SelectInput
        label="Person"
        required
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          setError(undefined);
          setFailed(undefined);
        }}
        error={error}
        options={[{ value: '', label: 'Choose a person…' }, ...rows.map((p) => ({ value: String(p.id), label: `${distinctName(p)} — ${roleLabels[p.role]}` }))]}
      />
      <FormError message={failed} />
      <Button type="submit" variant="primary" busy={busy}>
        Make log book (PDF)
      </Button>
    </form>
  );
}
