package org.colloquy.workgroup;

import java.time.OffsetDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One uploaded version of a workgroup's document: title, version label, the file as uploaded and its
 * type as the server found it in the content. The bytes live in the database (decision 0026) and are
 * read only when the file is served.
 */
@Entity
@Table(name = "workgroup_document")
@NamedQuery(name = "Document.ofGroup", query = "SELECT d FROM Document d WHERE d.workgroupId = :group ORDER BY d.uploadedAt DESC, d.id DESC")
public class Document {

    public static final int TITLE_LENGTH = 200;
    public static final int LABEL_LENGTH = 40;
    public static final int FILE_NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "workgroup_id", nullable = false)
    private long workgroupId;

    @Column(name = "title", length = TITLE_LENGTH, nullable = false)
    private String title;

    @Column(name = "version_label", length = LABEL_LENGTH, nullable = false)
    private String versionLabel;

    @Column(name = "file_name", length = FILE_NAME_LENGTH, nullable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private long uploadedBy;

    protected Document() {
    }

    Document(long workgroupId, String title, String versionLabel, String fileName, DocumentType type, byte[] content,
             OffsetDateTime at, long by) {
        this.workgroupId = workgroupId;
        this.title = title;
        this.versionLabel = versionLabel;
        this.fileName = fileName;
        this.mediaType = type.mediaType();
        this.byteSize = content.length;
        this.content = content;
        this.uploadedAt = at;
        this.uploadedBy = by;
    }

    public Long id() {
        return id;
    }

    public long workgroupId() {
        return workgroupId;
    }

    public String title() {
        return title;
    }

    public String versionLabel() {
        return versionLabel;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long byteSize() {
        return byteSize;
    }

    byte[] content() {
        return content;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
