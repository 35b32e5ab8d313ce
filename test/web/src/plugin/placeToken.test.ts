// WebAdmin's history tokens as GWTP's ParameterTokenFormatter reads and writes them
// (ArcBees/GWTP gwtp-mvp-shared .../proxy/ParameterTokenFormatter.java; WebAdmin binds it as its
// TokenFormatter in ovirt-engine frontend/webadmin/modules/gwt-common/.../gin/BaseSystemModule.java:60).
import {
  formatPlaceToken,
  parseHistoryToken,
  parsePlaceToken,
} from '../../../../src/plugin/placeToken';

describe('WebAdmin place tokens (GWTP ParameterTokenFormatter)', () => {
  it('reads name;key=value;key=value', () => {
    expect(parsePlaceToken('gluster-georep;cluster=c1;session=s1')).toEqual({
      name: 'gluster-georep',
      params: { cluster: 'c1', session: 's1' },
    });
    expect(parsePlaceToken('#vms')).toEqual({ name: 'vms', params: {} });
    // WebAdmin's own fragment parameters (FragmentParams: name=, search=) are the same format.
    expect(parsePlaceToken('volumes-general;name=data')).toEqual({
      name: 'volumes-general',
      params: { name: 'data' },
    });
  });

  it('unescapes \\0 \\1 \\2 \\3 and URL encoding, and writes them back', () => {
    expect(parsePlaceToken('p;k=a\\0b\\1c\\2d\\3e')!.params.k).toBe('a/b;c=d\\e');
    expect(parsePlaceToken('p;k=a%20b+c')!.params.k).toBe('a b c');
    const token = formatPlaceToken('p', { k: 'a/b;c=d\\e f' });
    expect(token).toBe('p;k=a%5C0b%5C1c%5C2d%5C3e+f');
    expect(parsePlaceToken(token)!.params.k).toBe('a/b;c=d\\e f');
  });

  it('rejects what GWTP rejects with a TokenFormatException', () => {
    expect(parsePlaceToken(';k=v')).toBeNull(); // "Place history token is missing."
    expect(parsePlaceToken('p;;k=v')).toBeNull(); // successive separators
    expect(parsePlaceToken('p;k')).toBeNull(); // "Need exactly one key and one value."
    expect(parsePlaceToken('p;k=v=w')).toBeNull();
    expect(parsePlaceToken('p;k=v\\')).toBeNull(); // a trailing escape
    expect(parsePlaceToken('p;k=%E0%A4%A')).toBeNull(); // bad URL encoding
  });

  it('takes `k=` as an empty value', () => {
    expect(parsePlaceToken('p;k=')).toEqual({ name: 'p', params: { k: '' } });
  });

  it('reads the tail of a hierarchy (a/b), and a %2F is a separator once decoded', () => {
    expect(parseHistoryToken('#a/b;k=v')).toEqual({ name: 'b', params: { k: 'v' } });
    expect(parseHistoryToken('#p;cluster=c%2F1')).toEqual({ name: '1', params: {} });
    expect(parseHistoryToken('#a//b')).toBeNull();
    expect(parseHistoryToken('')).toBeNull();
    expect(parseHistoryToken('#')).toBeNull();
  });
});
