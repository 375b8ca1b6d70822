namespace SoTTTT.Core.Model;

/// <summary>Kind of postal service point; every kind counts as a service point (DOMAIN.md).</summary>
public enum PostalKind
{
    PostOffice1,
    PostOffice2,
    PostOffice3,
    CommunePostCulture,
    Agent,
    Kiosk,
    LetterBox,

    /// <summary>Any other service point (e.g. a parcel locker, a private operator's counter).</summary>
    Other,
}
