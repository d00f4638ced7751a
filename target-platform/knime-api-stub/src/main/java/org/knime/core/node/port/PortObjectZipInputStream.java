package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** The zip stream a port object is loaded from; created by the framework only. */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream in) {
        super(in);
    }
}
