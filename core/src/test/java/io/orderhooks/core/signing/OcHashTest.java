package io.orderhooks.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcHashTest {

    static final byte[] VECTOR_BODY = ("{\"Route\":\"v1/buyers/{buyerID}/addresses/{addressID}\",\"Verb\":\"PUT\","
            + "\"Request\":{\"Body\":{\"City\":\"Minneapolis\"}},\"ConfigData\":{\"Foo\":\"blah\"}}")
            .getBytes(StandardCharsets.UTF_8);
    static final String VECTOR_HASH = "4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByE=";

    @Test
    void signsTheReferenceVectorExactly() {
        assertThat(OcHash.sign("myhashkey", VECTOR_BODY)).isEqualTo(VECTOR_HASH);
    }

    @Test
    void verifiesTheReferenceVector() {
        assertThat(OcHash.withKey("myhashkey").verify(VECTOR_BODY, VECTOR_HASH)).isTrue();
    }

    @Test
    void rejectsASignatureMadeWithAnotherKey() {
        assertThat(OcHash.withKey("otherkey").verify(VECTOR_BODY, VECTOR_HASH)).isFalse();
    }

    @Test
    void rejectsABodyWithOneTamperedByte() {
        byte[] tampered = VECTOR_BODY.clone();
        tampered[tampered.length - 3] ^= 0x01;
        assertThat(OcHash.withKey("myhashkey").verify(tampered, VECTOR_HASH)).isFalse();
    }

    @Test
    void rejectsAMissingEmptyOrNonBase64Header() {
        OcHash hash = OcHash.withKey("myhashkey");
        assertThat(hash.verify(VECTOR_BODY, null)).isFalse();
        assertThat(hash.verify(VECTOR_BODY, "")).isFalse();
        assertThat(hash.verify(VECTOR_BODY, "   ")).isFalse();
        assertThat(hash.verify(VECTOR_BODY, "not base64 at all!")).isFalse();
        assertThat(hash.verify(null, VECTOR_HASH)).isFalse();
    }

    @Test
    void rejectsANonCanonicalEncodingOfTheRightHash() {
        // same decoded bytes as the published hash: only the unused padding bits of the last character differ
        assertThat(OcHash.withKey("myhashkey").verify(VECTOR_BODY, "4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByF=")).isFalse();
    }

    @Test
    void rejectsATruncatedSignature() {
        assertThat(OcHash.withKey("myhashkey").verify(VECTOR_BODY, VECTOR_HASH.substring(0, 20))).isFalse();
    }

    @Test
    void acceptsEitherKeyDuringRotation() {
        OcHash rotating = OcHash.withKeys(List.of("newkey", "myhashkey"));
        assertThat(rotating.verify(VECTOR_BODY, VECTOR_HASH)).isTrue();
        assertThat(rotating.verify(VECTOR_BODY, OcHash.sign("newkey", VECTOR_BODY))).isTrue();
        assertThat(rotating.verify(VECTOR_BODY, OcHash.sign("retired", VECTOR_BODY))).isFalse();
        assertThat(rotating.sign(VECTOR_BODY)).isEqualTo(OcHash.sign("newkey", VECTOR_BODY));
        assertThat(rotating.keyCount()).isEqualTo(2);
    }

    @Test
    void signsNonAsciiKeysAndBodiesAsUtf8() {
        byte[] body = "{\"Name\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8);
        String signature = OcHash.sign("schlüssel", body);
        assertThat(OcHash.withKey("schlüssel").verify(body, signature)).isTrue();
        assertThat(OcHash.withKey("schlussel").verify(body, signature)).isFalse();
    }

    @Test
    void refusesBlankOrMissingKeys() {
        assertThatThrownBy(() -> OcHash.withKey("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> OcHash.withKeys(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> OcHash.sign(null, VECTOR_BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
