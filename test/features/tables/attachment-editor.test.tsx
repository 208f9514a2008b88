// @vitest-environment happy-dom
// The attachment editor and the cell previews against a stubbed attachment store: which files reach the store,
// what whole list the caller is handed to write, and what a person sees (previews, sizes, links, refusals).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Attachment, AttachmentField } from '../../../src/engine';
import { AttachmentEditor } from '../../../src/features/tables/grid/attachment-editor';
import { AttachmentThumbs, attachmentsOf } from '../../../src/features/tables/grid/attachment-thumbs';
import {
  attachmentStore,
  MAX_ATTACHMENT_BYTES,
  type AttachmentActions,
} from '../../../src/stores/attachment-store';

const FIELD: AttachmentField = { id: 'files', name: 'Contracts', kind: 'attachment' };

const PHOTO: Attachment = { id: 'photo', name: 'site.png', type: 'image/png', size: 2048 };
const PDF: Attachment = { id: 'pdf', name: 'contract.pdf', type: 'application/pdf', size: 1_572_864 };
const PAGE: Attachment = { id: 'page', name: 'offer.html', type: 'text/html', size: 10 };

beforeAll(async () => {
  // Only the messages whose parameters the tests read; other keys render as themselves.
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: {
      en: {
        translation: {
          attachments: {
            title: 'Files of {{field}}',
            remove: 'Remove {{name}}',
            openFile: 'Open {{name}}',
            downloadFile: 'Download {{name}}',
            tooLarge: '{{name}} is {{size}}; the limit is {{limit}}',
            notAccepted: '{{name}} is not one of {{accept}}',
          },
        },
      },
    },
    interpolation: { escapeValue: false },
  });
});

let add: Mock<AttachmentActions['addAttachments']>;
let url: Mock<AttachmentActions['attachmentUrl']>;

beforeEach(() => {
  let next = 0;
  add = vi.fn<AttachmentActions['addAttachments']>((_tableId, files) =>
    Promise.resolve(
      files.map((file) => ({ id: `new-${++next}`, name: file.name, type: file.type, size: file.size })),
    ),
  );
  url = vi.fn<AttachmentActions['attachmentUrl']>((id, options) =>
    Promise.resolve(
      options?.thumbnail ? (id === 'photo' ? `blob:thumb-${id}` : undefined) : `blob:file-${id}`,
    ),
  );
  attachmentStore.setState({ addAttachments: add, attachmentUrl: url, releaseAttachmentUrls: vi.fn() });
});

afterEach(cleanup);

/** Feeds each reported list back as the record's value after a moment, as the caller's undoable write would. */
function Harness({
  initial,
  field = FIELD,
  onChange,
  onClose = () => undefined,
  writeBack = true,
}: {
  initial: Attachment[] | null;
  field?: AttachmentField;
  onChange: (next: Attachment[]) => void;
  onClose?: () => void;
  writeBack?: boolean;
}) {
  const [value, setValue] = useState(initial);
  return (
    <AttachmentEditor
      tableId="tbl"
      field={field}
      value={value}
      onChange={(next) => {
        onChange(next);
        if (writeBack) setTimeout(() => setValue(next), 0);
      }}
      onClose={onClose}
    />
  );
}

function fileOf(name: string, type: string, size?: number): File {
  const file = new File(['x'], name, { type });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}

function chooseFiles(files: File[]) {
  fireEvent.change(screen.getByTestId('attachment-input'), { target: { files } });
}

/** Lets pending promises (store stubs, object URLs) settle and React render their results. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
}

describe('AttachmentEditor', () => {
  it('lists the files with a thumbnail or a type chip, their size, and open/download links', async () => {
    render(<Harness initial={[PHOTO, PDF, PAGE]} onChange={vi.fn()} />);
    await settle();

    expect(screen.getByRole('heading', { name: 'Files of Contracts' })).toBeTruthy();
    // Not a remove button: a stray Enter on opening must not drop a file.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'attachments.add' }));
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.attachment-name')?.textContent)).toEqual([
      'site.png',
      'contract.pdf',
      'offer.html',
    ]);
    expect(screen.getByRole('img', { name: 'site.png' }).getAttribute('src')).toBe('blob:thumb-photo');
    expect(within(rows[1] as HTMLElement).getByText('PDF')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('2 kB')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('1.5 MB')).toBeTruthy();
    const download = screen.getByRole('link', { name: 'Download contract.pdf' });
    expect(download.getAttribute('href')).toBe('blob:file-pdf');
    expect(download.getAttribute('download')).toBe('contract.pdf');
    expect(screen.getByRole('link', { name: 'Open contract.pdf' }).getAttribute('target')).toBe('_blank');
    // An HTML page opened from an object URL would run with the app's origin: download only.
    expect(screen.queryByRole('link', { name: 'Open offer.html' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Download offer.html' })).toBeTruthy();
  });

  it('stores chosen files and reports the whole new list; a second add builds on the first', async () => {
    const onChange = vi.fn<(next: Attachment[]) => void>();
    render(<Harness initial={[PDF]} onChange={onChange} writeBack={false} />);

    chooseFiles([fileOf('a.png', 'image/png'), fileOf('b.txt', 'text/plain')]);
    await settle();
    chooseFiles([fileOf('c.txt', 'text/plain')]);
    await settle();

    expect(add).toHaveBeenCalledTimes(2);
    expect(add.mock.calls[0]?.[0]).toBe('tbl');
    expect(add.mock.calls[0]?.[1].map((file) => file.name)).toEqual(['a.png', 'b.txt']);
    expect(onChange.mock.calls.map(([list]) => list.map((item) => item.name))).toEqual([
      ['contract.pdf', 'a.png', 'b.txt'],
      ['contract.pdf', 'a.png', 'b.txt', 'c.txt'],
    ]);
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
  });

  it('adds files dropped on the dialog', async () => {
    const onChange = vi.fn<(next: Attachment[]) => void>();
    render(<Harness initial={null} onChange={onChange} />);
    const zone = screen.getByTestId('attachment-drop');

    const dataTransfer = {
      types: ['Files'],
      files: [fileOf('dropped.pdf', 'application/pdf')],
      dropEffect: '',
    };
    fireEvent.dragEnter(zone, { dataTransfer });
    expect(zone.className).toContain('attachment-drop-active');
    fireEvent.drop(zone, { dataTransfer });
    await settle();

    expect(zone.className).not.toContain('attachment-drop-active');
    expect(onChange).toHaveBeenCalledWith([
      { id: 'new-1', name: 'dropped.pdf', type: 'application/pdf', size: 1 },
    ]);
    expect(screen.getByText('dropped.pdf')).toBeTruthy();
  });

  it('refuses files the field does not accept or that are too large, and stores the rest', async () => {
    const onChange = vi.fn<(next: Attachment[]) => void>();
    const images: AttachmentField = { ...FIELD, accept: 'image/*,.pdf' };
    render(<Harness initial={[]} field={images} onChange={onChange} />);

    fireEvent.drop(screen.getByTestId('attachment-drop'), {
      dataTransfer: {
        types: ['Files'],
        files: [
          fileOf('photo.JPG', 'image/jpeg'),
          fileOf('notes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
          fileOf('scan.pdf', 'application/pdf', MAX_ATTACHMENT_BYTES + 1),
        ],
      },
    });
    await settle();

    expect(add.mock.calls[0]?.[1].map((file) => file.name)).toEqual(['photo.JPG']);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('notes.docx is not one of image/*,.pdf');
    expect(alert.textContent).toContain('scan.pdf is 50 MB; the limit is 50 MB');
    expect(onChange.mock.calls.at(-1)?.[0].map((item) => item.name)).toEqual(['photo.JPG']);
    expect(screen.getByTestId('attachment-input').getAttribute('accept')).toBe('image/*,.pdf');
  });

  it('reports no change when the store stored nothing', async () => {
    add.mockResolvedValueOnce(undefined);
    const onChange = vi.fn<(next: Attachment[]) => void>();
    render(<Harness initial={[PDF]} onChange={onChange} />);

    chooseFiles([fileOf('a.txt', 'text/plain')]);
    await settle();

    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('removes a file from the list and closes with Done', async () => {
    const onChange = vi.fn<(next: Attachment[]) => void>();
    const onClose = vi.fn();
    render(<Harness initial={[PHOTO, PDF]} onChange={onChange} onClose={onClose} />);

    fireEvent.click(screen.getByRole('button', { name: 'Remove site.png' }));
    await settle();

    expect(onChange).toHaveBeenCalledWith([PDF]);
    expect(screen.queryByText('site.png')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'attachments.done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps quick successive changes when the writes land late, one after another', async () => {
    const onChange = vi.fn<(next: Attachment[]) => void>();
    /** Writes queue up and land when the test says so, like slow undoable writes. */
    function SlowWrites() {
      const [value, setValue] = useState<Attachment[] | null>([PHOTO, PDF, PAGE]);
      const [queue, setQueue] = useState<Attachment[][]>([]);
      return (
        <>
          <button
            type="button"
            onClick={() => {
              const [next, ...rest] = queue;
              if (next) setValue(next);
              setQueue(rest);
            }}
          >
            land
          </button>
          <AttachmentEditor
            tableId="tbl"
            field={FIELD}
            value={value}
            onChange={(next) => {
              onChange(next);
              setQueue((current) => [...current, next]);
            }}
            onClose={vi.fn()}
          />
        </>
      );
    }
    render(<SlowWrites />);
    const names = () =>
      screen.queryAllByRole('listitem').map((row) => row.querySelector('.attachment-name')?.textContent);

    fireEvent.click(screen.getByRole('button', { name: 'Remove site.png' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove contract.pdf' }));
    fireEvent.click(screen.getByText('land'));
    await settle();

    // The first write landed, the second not yet: the list stays as the person left it.
    expect(names()).toEqual(['offer.html']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove offer.html' }));
    expect(onChange.mock.calls.map(([list]) => list.map((item) => item.id))).toEqual([
      ['pdf', 'page'],
      ['page'],
      [],
    ]);
    fireEvent.click(screen.getByText('land'));
    fireEvent.click(screen.getByText('land'));
    await settle();
    expect(names()).toEqual([]);
  });

  it('shows the record’s value when it changes from elsewhere (an undo)', async () => {
    function Undoable() {
      const [value, setValue] = useState<Attachment[] | null>([PHOTO, PDF]);
      return (
        <>
          <button type="button" onClick={() => setValue([PHOTO])}>
            undo
          </button>
          <AttachmentEditor tableId="tbl" field={FIELD} value={value} onChange={vi.fn()} onClose={vi.fn()} />
        </>
      );
    }
    render(<Undoable />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    fireEvent.click(screen.getByText('undo'));
    await settle();

    expect(
      screen.getAllByRole('listitem').map((row) => row.querySelector('.attachment-name')?.textContent),
    ).toEqual(['site.png']);
  });
});

describe('AttachmentThumbs', () => {
  it('shows three previews — thumbnails for images, type chips otherwise — and counts the rest', async () => {
    const more = [1, 2].map((n) => ({
      id: `doc-${n}`,
      name: `doc${n}.docx`,
      type: 'application/msword',
      size: 1,
    }));
    const { container } = render(<AttachmentThumbs value={[PHOTO, PDF, PAGE, ...more]} />);
    await settle();

    expect(screen.getByRole('img', { name: 'site.png' }).getAttribute('src')).toBe('blob:thumb-photo');
    expect(container.querySelectorAll('.attachment-file')).toHaveLength(2);
    expect(screen.getByText('PDF')).toBeTruthy();
    expect(screen.getByText('HTML')).toBeTruthy();
    expect(screen.getByText('+2')).toBeTruthy();
    // Only images ask for a thumbnail; nothing reads full files to draw a cell.
    expect(url.mock.calls).toEqual([['photo', { thumbnail: true }]]);
  });

  it('falls back to a chip when an image has no thumbnail', async () => {
    render(<AttachmentThumbs value={[{ id: 'heic', name: 'IMG_1.heic', type: 'image/heic', size: 5 }]} />);
    await settle();

    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('HEIC')).toBeTruthy();
  });

  it('reads only well-formed attachments out of a stored value', () => {
    expect(attachmentsOf([PHOTO, { id: 'x' }, 'text', null])).toEqual([PHOTO]);
    expect(attachmentsOf('not a list')).toEqual([]);
  });
});
