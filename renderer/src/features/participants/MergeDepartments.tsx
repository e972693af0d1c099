import { useId, useState, type FormEvent } from 'react';
import { plural } from '../../../../shared/words';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { useDepartments, useMergeDepartments } from './api';

/**
 * Two spellings of one department ("Law" and "School of Law") become one: tick them, choose the
 * name to keep, and everyone registered with the others moves to it (each move in the audit trail).
 */
export function MergeDepartmentsDialog({ pilotId, onClose }: { pilotId: number; onClose: () => void }) {
  const uid = useId();
  const departments = useDepartments(pilotId);
  const merge = useMergeDepartments();
  const { notify } = useNotices();
  const [chosen, setChosen] = useState<string[]>([]);
  const [keep, setKeep] = useState('');
  const [formError, setFormError] = useState<string>();
  const into = chosen.includes(keep) ? keep : (chosen[0] ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    if (chosen.length < 2) return setFormError('Tick at least two departments that are the same one.');
    try {
      const { moved } = await merge.mutateAsync({ pilotId, from: chosen.filter((d) => d !== into), into });
      notify(`Departments merged into “${into}”: ${plural(moved, 'person', 'people')} moved.`);
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  };
  return (
    <FormDialog title="Merge departments" onClose={onClose} size="wide">
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <p className="muted">Tick the spellings that mean one department. Pairing’s “never within the same department” then treats them as one.</p>
        <fieldset className="fieldset">
          <legend>The same department</legend>
          {departments.data && departments.data.length === 0 ? <p className="muted">Nobody has a department yet.</p> : null}
          <ul className="checkbox-list">
            {(departments.data ?? []).map((d) => (
              <li key={d.name} className="checkbox-field">
                <input
                  type="checkbox"
                  id={`${uid}-${d.name}`}
                  checked={chosen.includes(d.name)}
                  onChange={(e) => {
                    setFormError(undefined);
                    setChosen(e.target.checked ? [...chosen, d.name] : chosen.filter((c) => c !== d.name));
                  }}
                />
                <label htmlFor={`${uid}-${d.name}`}>
                  {d.name} <span className="muted">({plural(d.people, 'person', 'people')})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {chosen.length >= 2 ? (
          <fieldset className="fieldset">
            <legend>Keep the name</legend>
            {chosen.map((name) => (
              <div key={name} className="checkbox-field">
                <input type="radio" name={`${uid}-keep`} id={`${uid}-keep-${name}`} checked={into === name} onChange={() => setKeep(name)} />
                <label htmlFor={`${uid}-keep-${name}`}>{name}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <DialogFormActions formError={formError} submitLabel="Merge departments" busy={merge.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
