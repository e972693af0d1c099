import { useState } from 'react';
import type { InterviewDetail } from '../../../../../shared/interviews/contract';
import { RECORDING_IMPORT_MAX_BYTES } from '../../../../../shared/interviews/recordings-contract';
import { FieldFrame } from '../../../ui/Field';
import { FormError } from '../../../ui/FormDialog';
import { SectionCard } from '../../../ui/SectionCard';
import { toBase64 } from '../../../ui/base64';
import { errorText } from '../../../ui/errors';
import { useImportRecording } from './api';

const ACCEPT = '.m4a,.mp3,.wav,.ogg,audio/mp4,audio/mpeg,audio/wav,audio/ogg';

/**
 * Import a recording made on a dictaphone or phone into the encrypted store (then the file on the
 * device can be deleted). Only where the interview could be recorded: consent to audio, checked.
 */
export function ImportRecording({ detail }: { detail: InterviewDetail }) {
  const importing = useImportRecording();
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  if (!detail.consent.audioRecording || detail.consentCheckedAt === null || detail.status === 'cancelled') return null;

  const choose = async (file: File) => {
    setProblem(undefined);
    setDone(undefined);
    if (file.size > RECORDING_IMPORT_MAX_BYTES) return setProblem(`${file.name} is over 64 MB. Export it from the recorder at a lower bit rate, or split it.`);
    if (file.size === 0) return setProblem(`${file.name} is empty.`);
    const bytesBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    importing.mutate(
      { interviewId: detail.id, fileName: file.name, bytesBase64 },
      { onSuccess: () => setDone(`${file.name} was imported and encrypted in the vault. You can delete it from the recorder now.`), onError: (error) => setProblem(errorText(error)) },
    );
  };

  return (
    <SectionCard headingId="import-recording" title="Import a recording">
      <div className="recording-import">
        <FieldFrame label="Recording file" description="From a dictaphone or phone: .m4a, .mp3, .wav or .ogg, up to 64 MB. It is stored encrypted; nothing is uploaded.">
          {({ id, describedBy }) => (
            <input
              id={id}
              type="file"
              accept={ACCEPT}
              aria-describedby={describedBy}
              disabled={importing.isPending}
              onChange={(event) => {
                const picked = event.target.files?.[0];
                event.target.value = '';
                if (picked) void choose(picked);
              }}
            />
          )}
        </FieldFrame>
      </div>
      <p role="status">{importing.isPending ? 'Importing and encrypting the recording…' : (done ?? '')}</p>
      <FormError message={problem} />
    </SectionCard>
  );
}
