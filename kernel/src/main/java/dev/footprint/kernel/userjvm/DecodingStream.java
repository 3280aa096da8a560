package dev.footprint.kernel.userjvm;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns UTF-8 bytes that arrive in arbitrary pieces into text, keeping a character split across
 * two pieces whole.
 */
final class DecodingStream extends OutputStream {
    private final Consumer<String> sink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    DecodingStream(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        ByteBuffer input = ByteBuffer.allocate(carry.remaining() + length);
        input.put(carry).put(bytes, offset, length).flip();
        CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, output, false);
        carry = input.slice();
        output.flip();
        if (output.hasRemaining()) {
            sink.accept(output.toString());
        }
    }
}
