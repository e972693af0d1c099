import { useState } from 'react';
import { Button } from '../ui/Button';
import { SubjectAccessDialog } from '../features/subject-access/SubjectAccessDialog';

/** "Subject access…" on a person's page: opens the dialog that says what goes out, then writes it. */
export function SubjectAccessButton({ participantId, name }: { participantId: number; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onPress={() => setOpen(true)}>Subject access…</Button>
      {open ? <SubjectAccessDialog participantId={participantId} name={name} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
